#!/usr/bin/env bash
# Command 2 of the README: run the whole test suite (SQLite unless DATABASE_URL is set).
# Two passes: everything that runs inside a transaction, in parallel on every core
# (pytest-xdist, one database per worker); then the transactional tests (browser
# flows through a live server, concurrency), which flush the database, in one process.
# Arguments go to both passes, e.g. ./scripts/test.sh tests/search -x
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
export DJANGO_SETTINGS_MODULE=portal.settings.test
workers=${TEST_WORKERS:-auto}
run() {
  local status=0
  .venv/bin/python -m pytest --create-db "$@" || status=$?
  # 5: no test selected (e.g. a path without transactional tests): not a failure.
  if [ "$status" -ne 0 ] && [ "$status" -ne 5 ]; then exit "$status"; fi
}
run -n "$workers" --dist loadfile -m "not serial" "$@"
run -m serial "$@"
