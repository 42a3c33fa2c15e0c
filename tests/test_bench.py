"""A small smoke run of the benchmark: it builds a real synthetic corpus every way it measures."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from pressarchive.bench import generate_corpus
from pressarchive.pipeline import BuildConfig, build

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


def test_a_corpus_with_transcripts_has_articles_reporting_their_answers(tmp_path) -> None:
    # the cost of coverage analysis (scripts/coverage_cost.py) is measured on it: its articles must align
    generate_corpus(tmp_path / "plain", 30)
    generate_corpus(tmp_path / "content", 30, transcripts=True)
    for folder in ("sources", "briefings"):
        plain, said = (sorted((tmp_path / c / folder).iterdir()) for c in ("plain", "content"))
        assert [p.read_bytes() for p in plain] == [p.read_bytes() for p in said]  # the rest unchanged
    build(BuildConfig(content=tmp_path / "content", out=tmp_path / "site", search=False, cache=None))
    reports = [json.loads(p.read_text()) for p in (tmp_path / "site" / "briefings").glob("*/coverage.json")]
    articles = [a for r in reports for a in r["articles"]]
    assert len(articles) == 30 and all(a["transcript_status"] == "aligned" for a in articles)
    assert all(a["items"] for a in articles)
    assert all(q["status"] == "exact" for a in articles for q in a["quotes"]) and all(a["quotes"] for a in articles)
