# newskb: `make demo` and `make test` are the two commands a new user needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
NEWSKB := $(VENV)/bin/newskb
INSTALLED := $(VENV)/.installed
DEMO_DB := data/kb.db

.DEFAULT_GOAL := help
.PHONY: help demo test lint schema bench clean

help:  ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	touch $@

demo: $(INSTALLED)  ## Set up, import data/samples/ into data/kb.db, print what was stored
	$(NEWSKB) import data/samples --db $(DEMO_DB)
	$(NEWSKB) stats --db $(DEMO_DB)
	$(NEWSKB) query --db $(DEMO_DB) "SELECT id, format, published, author, title FROM articles ORDER BY id"
	$(NEWSKB) query --db $(DEMO_DB) "SELECT a.id, s.level, s.heading FROM sections s JOIN articles a ON a.id = s.article_id WHERE s.level > 0 ORDER BY s.id"

test: $(INSTALLED)  ## Set up and run the test suite
	$(PY) -m pytest -q

lint: $(INSTALLED)  ## ruff over the code
	$(VENV)/bin/ruff check .

schema: $(INSTALLED)  ## Re-export schema/article.schema.json from the pydantic models
	$(PY) -m ingest.models > schema/article.schema.json

bench: $(INSTALLED)  ## Benchmarks and quality floors (see bench/)
	@for script in bench/*_bench.py bench/*_score.py; do \
		[ -f "$$script" ] || continue; echo "== $$script"; $(PY) "$$script" || exit 1; done

clean:  ## Remove the virtualenv and the demo database
	rm -rf $(VENV) $(DEMO_DB)
