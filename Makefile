# Two entry points for a fresh machine: `make run` and `make test` (see README.md).
VENV  := .venv
BIN   := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench clean

# The virtualenv's interpreter: Debian's python3 where it is 3.11 or newer and can make a venv.
# Debian builds CPython with PGO and LTO; a default source build (pyenv's, without
# --enable-optimizations) spends about a sixth more CPU on the same pure-Python work: the app,
# SQLAlchemy, the importer, the tests (docs/testing.md). Else the first python3 on PATH.
# `make PYTHON=/path/to/python3` picks another; an existing .venv is kept (`make clean` first).
SYSTEM_PYTHON := /usr/bin/python3
PYTHON ?= $(shell $(SYSTEM_PYTHON) -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && echo $(SYSTEM_PYTHON) || echo python3)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# torch first and pinned: the CPU wheel, never the CUDA build (docs/architecture.md, "Decisions").
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/workbench

# mypy runs beside the tests, its report printed after theirs: on its own it keeps one core busy
# for ~17 s of a fresh clone's run and leaves the other idle; beside the tests both cores work.
test: lint
	@echo "mypy: running beside the tests, report below them"
	@$(BIN)/mypy > $(VENV)/mypy.out 2>&1 & mypy=$$!; \
	$(MAKE) --no-print-directory unit; tests=$$?; \
	wait $$mypy; typed=$$?; echo "mypy:"; cat $(VENV)/mypy.out; \
	[ $$tests -eq 0 ] && [ $$typed -eq 0 ]

lint: $(STAMP)
	$(BIN)/ruff check workbench tests bench
	$(BIN)/ruff format --check workbench tests bench
	$(BIN)/lint-imports  # the layer rules, docs/architecture.md

typecheck: $(STAMP)
	$(BIN)/mypy

# One pytest-xdist worker per core, plus one: a quarter of the time a worker waits on another
# process (tmux, LibreOffice, a killed import), and a third worker fills it (docs/testing.md).
WORKERS := $(shell echo $$(( $$(nproc) + 1 )))

# The package is byte-compiled first (a third of a second): the tests start the app and the CLI in
# about a hundred processes, and where nothing is compiled yet (a fresh clone) or nothing may be
# written (PYTHONDONTWRITEBYTECODE) each of them would compile what it imports again: the app's own
# modules take 0.28 s of CPU to import uncompiled, 0.15 s compiled.
unit: $(STAMP)
	$(BIN)/python -m compileall -q workbench
	$(BIN)/pytest -n $(WORKERS) --dist worksteal

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .import_linter_cache
