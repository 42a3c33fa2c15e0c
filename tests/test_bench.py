"""A small smoke run of the benchmark: it builds a real synthetic corpus every way it measures."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

SCENARIOS = ("cold full build", "no-op rebuild", "edit one article", "add one article", "edit a template")


def test_benchmark_smoke_run_reports_every_scenario() -> None:
    command = [sys.executable, "-m", "pressarchive.bench", "--n", "200", "--runs", "1"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    rows = {
        line.split("|")[1].strip(): line
        for line in result.stdout.splitlines()
        if line.startswith("| ") and "---" not in line
    }
    assert set(SCENARIOS) <= set(rows)
    for name in SCENARIOS:
        without, with_search, pagefind, memory = [cell.strip() for cell in rows[name].split("|")[2:-1]]
        assert float(without) > 0 and float(with_search) > 0, rows[name]
        assert float(memory.split(" / ")[0]) > 0, rows[name]
        # A no-op rebuild does not run Pagefind at all; every other build does.
        assert (float(pagefind) == 0) == (name == "no-op rebuild"), rows[name]
    assert "bytes per article" in result.stdout
    assert "N = 200 articles" in result.stdout
