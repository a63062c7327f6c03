#!/usr/bin/env bash
# The README's test command: make .venv if missing, install potsal with its dev tools, check that notebooks,
# library and README are in sync, check the course rules, build the docs site and test it in headless Chromium, then run every notebook's tests. Extra arguments go to nbtest.py (e.g. --flags slow).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || "${PYTHON:-python3}" -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e ".[dev]"
.venv/bin/python .ci/sync_check.py
.venv/bin/python .ci/nbcheck.py          # the notebooks read as a course: outputs shown, one definition per export cell, no typed results
.venv/bin/python -m pyflakes $(ls potsal/*.py | grep -v _modidx)   # undefined names (a test cell's import the library lacks), unused imports
bash .ci/docs.sh
.venv/bin/python .ci/nbtest.py "$@"
