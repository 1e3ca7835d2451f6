# kim – the two commands of the README, and their helpers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test venv system-deps messages bench

demo: venv messages  ## set up and run kim with demo data on SQLite (http://127.0.0.1:8000)
	KIM_DEBUG=1 $(BIN)/kim demo

test:  ## install what the tests need and run the whole suite (SQLite, PostgreSQL, Chromium)
	bash scripts/test.sh

venv: $(BIN)/.installed

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

messages:
	@command -v msgfmt >/dev/null || bash scripts/system-deps.sh gettext
	KIM_DEBUG=1 $(BIN)/kim compilemessages --ignore=.venv -v 0

bench: venv  ## run the benchmarks (see bench/README.md)
	$(BIN)/python bench/rules_bench.py
	$(BIN)/python bench/people_bench.py
	$(BIN)/python bench/placement_bench.py
	$(BIN)/python bench/arrival_bench.py
	$(BIN)/python bench/quota_bench.py
	$(BIN)/python bench/volunteer_match_bench.py
	$(BIN)/python bench/disclosure_bench.py
