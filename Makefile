# The two commands of the README: `make run` and `make test`. Both set everything up first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
TEST_ENV := QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8

.PHONY: setup run test check-content screenshots bench bundle clean

setup:
	@bash scripts/setup.sh

run: setup
	LANG=C.UTF-8 $(VENV)/bin/decision-aid $(ARGS)

test: setup
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

check-content: setup
	$(VENV)/bin/decision-aid check-content content --strict

clean:
	rm -rf $(VENV) artifacts dist build/work
