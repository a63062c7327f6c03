#!/usr/bin/env bash
# Build the documentation site into _docs/ and test it in headless chromium (.ci/docs.py, .ci/docs_test.py).
# Installs Debian's chromium + chromium-driver when missing (as root), makes .venv and installs potsal's dev tools
# when missing. Extra arguments go to docs_test.py (e.g. --no-build).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "docs: installing chromium and chromium-driver (Debian packages) for the browser test"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "docs: the browser test needs Debian's chromium and chromium-driver: sudo apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
fi
if [ ! -x .venv/bin/python ]; then "${PYTHON:-python3}" -m venv .venv; fi
if ! .venv/bin/python -c "import sphinx, myst_nb, selenium, potsal" 2>/dev/null; then .venv/bin/pip install -q -e ".[dev]"; fi
.venv/bin/python .ci/docs_test.py "$@"
