#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database and EMPTY file
# directories (a new server, or a copy to check that the backups work).
#
#   createdb -O okienko okienko_restored
#   DATABASE_URL=postgres://okienko@127.0.0.1:5432/okienko_restored \
#   MEDIA_ROOT=/srv/okienko/var/media PRIVATE_MEDIA_ROOT=/srv/okienko/var/private \
#     scripts/restore.sh /var/backups/okienko/okienko-20261204T020000Z
#
# The database server needs hunspell-pl (the Polish search dictionary the dump refers
# to). Checksums are verified first; the database is restored in one transaction, so a
# failed restore leaves it empty. Then run `manage.py migrate` (a no-op for a backup of
# the same release) and start the services.
set -euo pipefail

backup=${1:?usage: restore.sh BACKUP_DIRECTORY}
: "${DATABASE_URL:?DATABASE_URL must name the empty database to restore into}"
media=${MEDIA_ROOT:-var/media}
private=${PRIVATE_MEDIA_ROOT:-var/private}

(cd "$backup" && sha256sum --check --quiet SHA256SUMS) || {
  echo "restore.sh: checksums do not match; the backup is damaged" >&2; exit 1; }

tables=$(psql --no-psqlrc --tuples-only --no-align --dbname "$DATABASE_URL" \
  --command "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [ "$tables" != 0 ]; then
  echo "restore.sh: the target database already has $tables tables; restore into an empty one" >&2
  exit 1
fi
for dir in "$media" "$private"; do
  if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    echo "restore.sh: $dir is not empty; restore into an empty directory" >&2
    exit 1
  fi
done

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname "$DATABASE_URL" "$backup/database.dump"
for part in media private; do
  dir=$media; [ "$part" = private ] && dir=$private
  if [ -f "$backup/$part.tar.gz" ]; then
    mkdir -p "$dir"
    tar --extract --gzip --file "$backup/$part.tar.gz" --directory "$dir"
  fi
done
echo "restored $backup"
