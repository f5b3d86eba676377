# The workbench's two commands are `make demo` and `make test`; everything else is a step they use.
# Each step is idempotent: a second run reuses the virtualenv, the Neo4j jars and the sample case.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
WORKBENCH_HOME ?= $(CURDIR)/.workbench
export WORKBENCH_HOME

.PHONY: demo test bench schema-docs patterns lint venv jars chromium stop

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is required (found %s)" % sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

jars: venv
	$(BIN)/workbench db jars

chromium:
	bash scripts/ensure-chromium.sh

demo: venv
	$(BIN)/workbench demo

# The checks first (seconds), then the tests: mypy and the import-layering contracts are part of the suite.
test: lint jars chromium
	$(BIN)/python -m pytest

bench: venv jars
	$(BIN)/python -m bench

schema-docs: venv
	$(BIN)/python -m graph_schema.docs

# The official matcher's patterns, generated from the vocabulary of offices (graph_schema/offices.yaml).
patterns: venv
	$(BIN)/python -c "from ingest.offices import write_patterns; print(*write_patterns(), sep='\n')"

# mypy (non-strict) over graph_schema, ingest and workbench, as [tool.mypy] in pyproject.toml says.
lint: venv
	$(BIN)/lint-imports
	$(BIN)/mypy

stop: venv
	$(BIN)/workbench db stop
