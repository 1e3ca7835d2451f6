#!/usr/bin/env bash
# The whole test suite, as CI runs it (make test). Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
export KIM_DATA_DIR="${KIM_DATA_DIR:-$(mktemp -d)}"
BIN=.venv/bin
RESULTS=$(mktemp -d)
step() { printf '\n=== %s ===\n' "$*"; }

step "system packages"
bash scripts/system-deps.sh postgresql chromium gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
  fonts-noto-core poppler-utils
step "python packages"
make --no-print-directory venv
step "axe-core (npm)"
(cd tests/browser && npm ci --silent --no-audit --no-fund >/dev/null)

step "lint"
$BIN/ruff check .
$BIN/ruff format --check kim/rules tests/rules >/dev/null || { $BIN/ruff format --diff kim/rules tests/rules; exit 1; }
$BIN/mypy
step "migrations and messages"
$BIN/kim makemigrations --check --dry-run
$BIN/kim compilemessages --ignore=.venv -v 0
step "rules engine scenarios"
scenarios=../shared/scenarios/rules/public.json
if [ -f "$scenarios" ]; then
  python3 ../shared/scenarios/check_rules.py "$scenarios" --cmd "$BIN/kim rules evaluate -" | tee "$RESULTS/scenarios.txt"
fi

# Two lanes, one core each (pytest is single-threaded): SQLite and then the browser tests
# (their live server uses SQLite too) on one, PostgreSQL on the other – PostgreSQL takes
# about as long as the other two together. Each run has its own data and temporary
# directory; the output follows when both lanes are done.
step "pytest on SQLite, then Chromium | pytest on PostgreSQL (side by side)"
PGDIR=$(mktemp -d /tmp/kim-pg.XXXXXX)
trap 'bash scripts/pg.sh stop "$PGDIR"' EXIT
PGURL=$(bash scripts/pg.sh start "$PGDIR")
(
  status=0
  KIM_DATA_DIR=$(mktemp -d) $BIN/pytest -m "not browser" --junitxml="$RESULTS/sqlite.xml" -q \
    --basetemp="$RESULTS/tmp-sqlite" >"$RESULTS/sqlite.log" 2>&1 || status=1
  KIM_DATA_DIR=$(mktemp -d) $BIN/pytest -m browser --junitxml="$RESULTS/browser.xml" -q \
    --basetemp="$RESULTS/tmp-browser" >"$RESULTS/browser.log" 2>&1 || status=1
  exit $status
) &
sqlite_lane=$!
KIM_DATA_DIR=$(mktemp -d) DATABASE_URL=$PGURL $BIN/pytest -m "not browser" \
  --junitxml="$RESULTS/postgres.xml" -q --basetemp="$RESULTS/tmp-postgres" \
  >"$RESULTS/postgres.log" 2>&1 &
postgres_lane=$!
sqlite_status=0; wait $sqlite_lane || sqlite_status=$?
postgres_status=0; wait $postgres_lane || postgres_status=$?
step "pytest on SQLite"; cat "$RESULTS/sqlite.log"
step "browser tests (Chromium)"; cat "$RESULTS/browser.log"
step "pytest on PostgreSQL"; cat "$RESULTS/postgres.log"
[ "$sqlite_status" -eq 0 ] && [ "$postgres_status" -eq 0 ] || exit 1

step "summary"
$BIN/python scripts/summarize.py "$RESULTS"
