#!/bin/sh
# Prints the 8-hex-digit id of the encryption key derived from an APP_SECRET,
# read from standard input (never from the command line, where other users of
# the machine could see it in the process list):
#
#   deploy/key-id.sh < file-holding-the-secret
#
# Every encrypted value in the database starts with the id of the key that
# encrypted it (lib/privacy/encryption.ts); deploy/rows-by-key.sql counts the
# rows per table that carry a given id. Used to check that a stored copy of
# APP_SECRET is the one that encrypted a backup, and to know when
# APP_SECRET_PREVIOUS can go after a rotation (docs/DEPLOY.md).
# Same derivation as lib/privacy/keys.ts: HKDF-SHA-256(secret, salt
# "letter-campaigns", info "encryption", 32 bytes); id = first 4 bytes of its SHA-256.
set -eu
exec node -e '
const crypto = require("node:crypto");
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const secret = input.trim();
  if (secret.length < 32) { console.error("key-id: expected an APP_SECRET (32 characters or more) on standard input"); process.exit(2); }
  const key = Buffer.from(crypto.hkdfSync("sha256", secret, "letter-campaigns", "encryption", 32));
  console.log(crypto.createHash("sha256").update(key).digest("hex").slice(0, 8));
});
'
