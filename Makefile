# The two commands of the README: `make report` (the main job) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup report build validate test lint lab bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (corridor)" >/dev/null
	touch $(STAMP)

setup: $(STAMP)

build: $(STAMP)
	$(BIN)/corridor build

validate: build
	$(BIN)/corridor validate

## The main job: warehouse from data/articles/, validation, rendered report (prints its path).
report: validate
	$(BIN)/corridor report

## The whole test suite, set-up included.
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

## JupyterLab on notebooks/ with the project's environment as the kernel (as root too, as in a container).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
lab: build
	$(BIN)/jupyter lab --notebook-dir=notebooks $(ROOT_FLAG)

bench: $(STAMP)
	$(BIN)/python benchmarks/extract_bench.py

clean:
	rm -rf $(VENV) data/corridor.duckdb data/corridor.duckdb.wal reports/_site
