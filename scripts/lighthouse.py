"""Lighthouse's phone profile on the bundled archive: python scripts/lighthouse.py LIGHTHOUSE [--content DIR].

LIGHTHOUSE is the path of a Lighthouse command line installed apart from the project (it is not a
dependency, and CI does not run it), for example after
`npm install --prefix /tmp/lh lighthouse@12`: /tmp/lh/node_modules/.bin/lighthouse.
The content is built into a temporary folder, served with the project's server on 127.0.0.1,
and four pages are audited in Debian's Chromium with Lighthouse's default (mobile, simulated
throttling) settings: home, a search with results, an article and a briefing. Prints each
category's score and the metrics the performance score weighs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from served import served_site  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")


def pages(site: Path) -> list[str]:
    article = sorted(p.name for p in (site / "articles").iterdir() if p.is_dir())[0]
    briefing = sorted(p.name for p in (site / "briefings").iterdir() if p.is_dir())[0]
    return ["", "search/?q=human+rights", f"articles/{article}/", f"briefings/{briefing}/"]


def audit(lighthouse: str, url: str, work: Path) -> dict[str, object]:
    profile = tempfile.mkdtemp(dir=work)
    report = work / "report.json"
    flags = f"--headless=new --no-sandbox --disable-gpu --no-first-run --user-data-dir={profile}"
    command = [lighthouse, url, "--quiet", "--output=json", f"--output-path={report}", f"--chrome-flags={flags}"]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True)
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: category["score"] for name, category in data["categories"].items()}
    return {**scores, **{metric: data["audits"][metric]["displayValue"] for metric in METRICS}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lighthouse")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args()
    with served_site(args.content) as (base, site), tempfile.TemporaryDirectory() as work:
        for page in pages(site):
            found = audit(args.lighthouse, base + page, Path(work))
            print(f"/{page}: " + ", ".join(f"{name} {value}" for name, value in found.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
