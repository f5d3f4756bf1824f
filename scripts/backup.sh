#!/usr/bin/env bash
# Back up Okienko: the PostgreSQL database (pg_dump, custom format) and the uploaded
# files (public media and private files), with checksums. Restore with
# scripts/restore.sh. See docs/deployment.md, "Backups".
#
#   set -a; . /etc/okienko/okienko.env; set +a
#   scripts/backup.sh [DESTINATION]        # default: $BACKUP_DIR or var/backups
#
# Environment: DATABASE_URL (postgres://...), MEDIA_ROOT, PRIVATE_MEDIA_ROOT (default
# var/media and var/private), BACKUP_KEEP_DAYS (delete older backups; unset keeps all).
# Prints the directory of the new backup. The database goes first: pg_dump takes one
# consistent snapshot, and a file uploaded while the files are archived is only extra.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database to back up}"
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) echo "backup.sh: only PostgreSQL is supported (DATABASE_URL=${DATABASE_URL%%:*}://...)" >&2; exit 2 ;;
esac
media=${MEDIA_ROOT:-var/media}
private=${PRIVATE_MEDIA_ROOT:-var/private}
root=${1:-${BACKUP_DIR:-var/backups}}
dest="$root/okienko-$(date -u +%Y%m%dT%H%M%SZ)"

umask 077  # backups hold personal data: readable by their owner only
mkdir -p "$dest"
pg_dump --format=custom --compress=6 --no-owner --no-privileges \
  --file "$dest/database.dump" --dbname "$DATABASE_URL"
for part in media private; do
  dir=$media; [ "$part" = private ] && dir=$private
  if [ -d "$dir" ]; then
    tar --create --gzip --file "$dest/$part.tar.gz" --directory "$dir" .
  fi
done
(cd "$dest" && sha256sum -- * > SHA256SUMS)

if [ -n "${BACKUP_KEEP_DAYS:-}" ]; then
  find "$root" -mindepth 1 -maxdepth 1 -type d -name 'okienko-*' \
    -mtime +"$BACKUP_KEEP_DAYS" -exec rm -rf -- {} +
fi
echo "$dest"
