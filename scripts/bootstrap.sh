#!/usr/bin/env bash
# Shared by setup and test: make sure system packages, the virtualenv and the
# Python dependencies are in place. Idempotent and quick when nothing is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

apt_missing=()
# python3-venv: Debian splits venv out of python3. chromium: browser tests.
# hunspell-pl: Polish dictionary for PostgreSQL full-text search. gettext: translations.
"$PYTHON" -c "import ensurepip, venv" 2>/dev/null || apt_missing+=(python3-venv)
[ -x /usr/bin/chromium ] || apt_missing+=(chromium)
[ -f /usr/share/hunspell/pl_PL.dic ] || apt_missing+=(hunspell-pl)
command -v msgfmt >/dev/null || apt_missing+=(gettext)
if [ ${#apt_missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  echo "==> Installing Debian packages: ${apt_missing[*]}"
  as_root apt-get update -qq >/dev/null && \
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}" >/dev/null \
    || echo "!! Could not install ${apt_missing[*]} (not root?): browser/PostgreSQL search tests may be skipped."
fi

if [ ! -x .venv/bin/python ]; then
  echo "==> Creating virtualenv in .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements.sha
want=$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "==> Installing Python dependencies"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements-dev.txt
  echo "$want" > "$stamp"
fi
