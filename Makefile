# kim – the two commands of the README, and their helpers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test venv install lock system-deps messages fonts bench

demo: venv messages fonts  ## set up and run kim with demo data on SQLite (http://127.0.0.1:8000)
	KIM_DEBUG=1 KIM_DEMO=1 $(BIN)/kim demo

test:  ## install what the tests need and run the whole suite (SQLite, PostgreSQL, Chromium)
	bash scripts/test.sh

venv: $(BIN)/.installed

# Every package comes from a lock file with hashes (pip-compile --generate-hashes; see
# `make lock`); kim itself is installed without dependencies on top.
LOCK_INSTALL := pip install --quiet --disable-pip-version-check --require-hashes

$(BIN)/.installed: pyproject.toml requirements-build.lock requirements-test.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/$(LOCK_INSTALL) -r requirements-build.lock
	$(BIN)/$(LOCK_INSTALL) -r requirements-test.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Production: runtime packages only (no test tools), kim not editable.
# make install VENV=/opt/kim/venv
install:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/$(LOCK_INSTALL) -r requirements-build.lock
	$(BIN)/$(LOCK_INSTALL) -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation .

# Re-resolve the lock files after a change of pyproject.toml (needs pip-tools in $PIPTOOLS).
PIPTOOLS ?= pip-compile
LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	--no-emit-find-links
lock:
	$(PIPTOOLS) $(LOCK_FLAGS) --output-file requirements.lock pyproject.toml
	$(PIPTOOLS) $(LOCK_FLAGS) --extra test --output-file requirements-test.lock pyproject.toml
	$(PIPTOOLS) $(LOCK_FLAGS) --output-file requirements-build.lock requirements-build.in

messages:
	@command -v msgfmt >/dev/null || bash scripts/system-deps.sh gettext
	KIM_DEBUG=1 $(BIN)/kim compilemessages --ignore=.venv -v 0

# Fonts for the PDFs and pages in Arabic script (Arabic, Persian, Pashto) and Ge'ez
# (Tigrinya): Debian's Noto fonts; DejaVu for the rest.
fonts:
	@bash scripts/system-deps.sh fonts-noto-core fonts-dejavu-core

bench: venv  ## run the benchmarks (see bench/README.md)
	$(BIN)/python bench/rules_bench.py
	$(BIN)/python bench/people_bench.py
	$(BIN)/python bench/timeline_bench.py
	$(BIN)/python bench/placement_bench.py
	$(BIN)/python bench/arrival_bench.py
	$(BIN)/python bench/quota_bench.py
	$(BIN)/python bench/volunteer_match_bench.py
	$(BIN)/python bench/disclosure_bench.py
	$(BIN)/python bench/welcome_bench.py
	$(BIN)/python bench/import_bench.py
