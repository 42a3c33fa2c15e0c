# Shortcuts; each target is one plain command you can also run by hand.
PY := .venv/bin/python
SOURCES := pressarchive tests build.py scripts

.PHONY: test test-fast lint format goldens bench serve

test:
	$(PY) -m pytest

# The edit-test loop: everything but the slow and browser tests, in under a minute.
test-fast:
	$(PY) -m pytest -m "not slow and not browser"

lint:
	$(PY) -m ruff check $(SOURCES)
	$(PY) -m ruff format --check $(SOURCES)
	$(PY) -m mypy

format:
	$(PY) -m ruff format $(SOURCES)
	$(PY) -m ruff check --fix $(SOURCES)

goldens:
	REGENERATE_GOLDENS=1 $(PY) -m pytest -n 0 tests/test_golden.py tests/test_invalid.py

bench:
	$(PY) -m pressarchive.bench --n 10000 --runs 3

serve:
	$(PY) build.py serve
