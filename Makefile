# Shortcuts; each target is one plain command you can also run by hand.
PY := .venv/bin/python

.PHONY: test lint format goldens bench serve

test:
	$(PY) -m pytest

lint:
	$(PY) -m ruff check pressarchive tests build.py scripts
	$(PY) -m ruff format --check pressarchive tests build.py scripts
	$(PY) -m mypy

format:
	$(PY) -m ruff format pressarchive tests build.py scripts
	$(PY) -m ruff check --fix pressarchive tests build.py scripts

goldens:
	REGENERATE_GOLDENS=1 $(PY) -m pytest tests/test_golden.py tests/test_invalid.py

bench:
	$(PY) -m pressarchive.bench --n 10000 --runs 3

serve:
	$(PY) build.py serve
