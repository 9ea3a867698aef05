#!/bin/sh
# Nightly backup of the campaign database (docs/DEPLOY.md, "Backup and restore").
#
#   deploy/backup.sh DIR [KEEP_DAYS]
#
# Writes one pg_dump of DATABASE_URL in custom format (compressed, restorable
# table by table with pg_restore) to DIR/campaigns-<UTC time>.dump, checks that
# pg_restore can read it, then deletes the dumps in DIR that are KEEP_DAYS days
# old or older. KEEP_DAYS defaults to PERSONAL_DATA_RETENTION_DAYS (else 30):
# a backup holds personal data the live database has since purged or deleted
# on request, so backups must not outlive the retention period.
#
# Old dumps are deleted only after a good new one exists; if the dump fails,
# nothing is deleted and the script exits non-zero (watch for that).
#
# Needs pg_dump and pg_restore of the server's major version or newer (the
# compose.yaml `backup` service runs this in the postgres image for that).
# DATABASE_URL must be a plain libpq URL (postgresql://user:pass@host:port/db,
# optionally ?sslmode=...). The dump holds personal data encrypted with keys
# derived from APP_SECRET: keep APP_SECRET somewhere else than the dumps.
set -eu

usage='usage: deploy/backup.sh DIR [KEEP_DAYS]'
dir=${1:?$usage}
keep=${2:-${PERSONAL_DATA_RETENTION_DAYS:-30}}
: "${DATABASE_URL:?DATABASE_URL is not set}"

case $keep in
  '' | *[!0-9]*) echo "backup: KEEP_DAYS must be a whole number of days, not '$keep'" >&2; exit 2 ;;
esac
if [ "$keep" -lt 1 ]; then
  echo "backup: KEEP_DAYS must be at least 1" >&2
  exit 2
fi

# Dumps are readable by this user only.
umask 077
mkdir -p "$dir"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
file="$dir/campaigns-$stamp.dump"
partial="$file.partial"
trap 'rm -f "$partial"' EXIT
trap 'exit 1' INT TERM

pg_dump --format=custom --no-password --dbname="$DATABASE_URL" --file="$partial"
# A dump that pg_restore cannot list is no backup.
pg_restore --list "$partial" >/dev/null
mv "$partial" "$file"
echo "backup: wrote $file ($(wc -c <"$file" | tr -d ' ') bytes)"

# -mtime +N matches files whose age in whole days is more than N, so +(KEEP_DAYS-1)
# removes every dump KEEP_DAYS days old or older.
find "$dir" -type f -name 'campaigns-*.dump' -mtime +"$((keep - 1))" -print -exec rm -f {} + |
  sed 's/^/backup: removed /'
