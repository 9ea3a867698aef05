-- Rows holding personal data encrypted with one key, per table.
--   psql "$DATABASE_URL" -v key_id=1a2b3c4d -f deploy/rows-by-key.sql
-- key_id: from deploy/key-id.sh. Every encrypted value is
-- version (1 byte) | key id (4 bytes) | IV | tag | data (lib/privacy/encryption.ts).
-- All columns of one row are encrypted together, so one column per table tells.
SELECT 'SupporterContact' AS "table", count(*) AS rows FROM "SupporterContact"
  WHERE substring(coalesce("emailEncrypted", "nameEncrypted", "cityEncrypted") FROM 2 FOR 4) = decode(:'key_id', 'hex')
UNION ALL
SELECT 'PlatformLetter', count(*) FROM "PlatformLetter"
  WHERE substring("bodyEncrypted" FROM 2 FOR 4) = decode(:'key_id', 'hex')
UNION ALL
SELECT 'OutboxMessage', count(*) FROM "OutboxMessage"
  WHERE substring("textEncrypted" FROM 2 FOR 4) = decode(:'key_id', 'hex')
UNION ALL
SELECT 'LocalMail', count(*) FROM "LocalMail"
  WHERE substring("rawEncrypted" FROM 2 FOR 4) = decode(:'key_id', 'hex');
