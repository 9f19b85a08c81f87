# The two commands of the README: `make run` and `make test`. Both set everything up first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
TEST_ENV := QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8

.PHONY: setup run test lint lock messages soak check-content bench bundle clean

setup:
	@bash scripts/setup.sh

run: setup
	LANG=C.UTF-8 $(VENV)/bin/decision-aid $(ARGS)

test: setup lint
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

# Kept in ruff's format. The rest of the code is not reformatted yet: add files here as they are rewritten.
FORMATTED := bench/run.py bench/bare_wizard.py scripts tests/unit/test_locks.py tests/unit/test_display.py \
	tests/unit/test_layers.py decision_aid/__main__.py decision_aid/display.py decision_aid/errors.py \
	decision_aid/paths.py decision_aid/validation.py decision_aid/applicability.py decision_aid/flags.py \
	decision_aid/help_panel.py decision_aid/content/files.py decision_aid/content/fingerprint.py \
	decision_aid/content/read.py decision_aid/content/yamlio.py decision_aid/review/__init__.py \
	decision_aid/review/variants.py

# Lint (ruff), format, types (mypy, cache in .mypy_cache), the layers (lint-imports), the locks against pyproject.toml
# and this .venv. Settings: pyproject.toml.
lint: setup
	$(VENV)/bin/ruff check --quiet .
	$(VENV)/bin/ruff format --check --quiet $(FORMATTED)
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-logo
	$(PY) scripts/check_locks.py --installed

# The locks, from pyproject.toml (pip-compile, with hashes): requirements.txt (runtime) and requirements-dev.txt
# (runtime + the dev group). Pins already in a lock are kept; LOCK_ARGS="--upgrade-package NAME" moves one.
# pip itself is left out (--unsafe-package pip): every venv has one, and pip accepts it in hash-checking mode.
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --generate-hashes \
	--unsafe-package pip --no-emit-index-url --no-emit-find-links --strip-extras $(LOCK_ARGS)
lock: setup
	$(PIP_COMPILE) --output-file=requirements.txt pyproject.toml
	$(PIP_COMPILE) --extra=dev --output-file=requirements-dev.txt pyproject.toml
	$(PY) scripts/check_locks.py

# The catalogue of the aid's own words (README, "Languages"): extract every _(), ngettext(), N_() and template
# {% trans %} (babel.cfg) to decision_aid/locale/messages.pot, bring each language's messages.po up to date with it,
# and compile each to the messages.mo the aid reads (with the standard library's gettext: Babel is not needed to run).
# NEW=fr starts a new language's catalogue first. The tests fail while the committed catalogue is stale.
LOCALE := decision_aid/locale
messages: setup
	$(VENV)/bin/pybabel --quiet extract --mapping-file=babel.cfg --no-location --sort-output --omit-header \
		--add-comments=Translators: --no-wrap --output-file=$(LOCALE)/messages.pot decision_aid
	$(if $(NEW),$(VENV)/bin/pybabel init --input-file=$(LOCALE)/messages.pot --output-dir=$(LOCALE) \
		--domain=messages --locale=$(NEW))
	$(VENV)/bin/pybabel --quiet update --input-file=$(LOCALE)/messages.pot --output-dir=$(LOCALE) --domain=messages \
		--no-fuzzy-matching --ignore-obsolete --no-wrap
	@# no dates in the catalogues: they would change (and conflict in merges) on every run
	sed -i -e '/^"POT-Creation-Date: /d' -e '/^"PO-Revision-Date: /d' $(LOCALE)/*/LC_MESSAGES/messages.po
	$(VENV)/bin/pybabel compile --directory=$(LOCALE) --domain=messages --statistics

# A long day (README, "Reliability"): 500 kiosk sessions in one process (RSS, time, live widgets; fails when RSS grows
# 5 % or more after the first 50), then the monkey with 20 000 events a mode. SOAK_SESSIONS / MONKEY_EVENTS to change.
soak: setup
	$(TEST_ENV) $(PY) scripts/soak.py $(or $(SOAK_SESSIONS),500)
	$(TEST_ENV) MONKEY_EVENTS=$(or $(MONKEY_EVENTS),20000) MONKEY_SECONDS=3600 $(PY) -m pytest -q -s \
		tests/kiosk/test_monkey_both_modes.py

check-content: setup
	$(VENV)/bin/decision-aid check-content content --strict

# The clinic bundle (build/decision_aid.spec, onedir): dist/decision-aid/, then its own self-test, offscreen.
bundle: setup
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/work build/decision_aid.spec
	cd /tmp && env -u PYTHONPATH -u PYTHONHOME $(TEST_ENV) $(CURDIR)/dist/decision-aid/decision-aid --self-test
	@echo "bundle: dist/decision-aid/ is ready (copy the whole folder; start dist/decision-aid/decision-aid)"

# Start, memory, page change, content, summary, bundle size: this app against a bare PySide6 app, measured in the same
# run (bench/run.py). Prints a table and writes build/bench.json. BENCH_ARGS="--runs 20" for more starts.
bench: setup
	LANG=C.UTF-8 LC_ALL=C.UTF-8 $(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) artifacts dist build/work build/bench build/bench.json
