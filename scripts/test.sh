#!/usr/bin/env bash
# Command 2 of the README: run the whole test suite (SQLite unless DATABASE_URL is set).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
export DJANGO_SETTINGS_MODULE=portal.settings.test
exec .venv/bin/python -m pytest --create-db "$@"
