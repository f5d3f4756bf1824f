#!/usr/bin/env bash
# Command 1 of the README: set everything up and serve the demo portal on SQLite.
# Safe to run again: migrations are idempotent and demo content is loaded once.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
export DJANGO_SETTINGS_MODULE=portal.settings.dev
mkdir -p var
.venv/bin/python manage.py migrate --noinput -v 0
.venv/bin/python manage.py seed_demo --seed "${SEED:-2026}"
# Background jobs (search indexing, e-mails, report exports) run in a database-backed
# worker next to the web server; it stops when the server stops.
.venv/bin/python manage.py db_worker --queue-name "*" >var/worker.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null' EXIT INT TERM
echo "==> Background worker started (log: var/worker.log)"
echo "==> Okienko is running on http://127.0.0.1:${PORT:-8000}/  (admin: /admin/; Ctrl+C stops)"
.venv/bin/python manage.py runserver "127.0.0.1:${PORT:-8000}"
