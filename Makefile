# The two commands of the README: `make run` and `make test`. Both set everything up first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
TEST_ENV := QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8

.PHONY: setup run test soak check-content screenshots bench bundle clean

setup:
	@bash scripts/setup.sh

run: setup
	LANG=C.UTF-8 $(VENV)/bin/decision-aid $(ARGS)

test: setup
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

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
