# Two entry points for a fresh machine: `make run` and `make test` (see README.md).
VENV  := .venv
BIN   := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	# torch first and pinned: the CPU wheel, never the CUDA build (docs/architecture.md, "Decisions").
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/workbench

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check workbench tests bench
	$(BIN)/ruff format --check workbench tests bench
	$(BIN)/lint-imports  # the layer rules, docs/architecture.md

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	# Two workers on the 2-core machine kind (docs/testing.md, "Running them").
	$(BIN)/pytest -n auto --dist worksteal

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .import_linter_cache
