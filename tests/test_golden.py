"""The fixture site in fixtures/golden/content builds exactly into fixtures/golden/expected.

After an intended change to the output, regenerate the goldens and review the diff:

    REGENERATE_GOLDENS=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import FIXTURES, build_ok, tree_bytes

GOLDEN = FIXTURES / "golden"


def test_golden_site_matches_file_by_file(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_ok("--content", GOLDEN / "content", "--out", out, "--no-search")
    if os.environ.get("REGENERATE_GOLDENS"):
        shutil.rmtree(GOLDEN / "expected", ignore_errors=True)
        shutil.copytree(out, GOLDEN / "expected")
    built, expected = tree_bytes(out), tree_bytes(GOLDEN / "expected")
    assert sorted(built) == sorted(expected)
    for path in sorted(expected):
        assert built[path] == expected[path], f"{path} differs from the golden copy"
