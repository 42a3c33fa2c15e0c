"""Screenshots of the bundled archive as a reader sees it: python scripts/screenshots.py [OUT_DIR] [--readme].

Builds content/ into a temporary folder, serves it on 127.0.0.1 with the project's own
server, and photographs each page type in headless Chromium (Debian's, at /usr/bin/chromium)
at 1280 and 390 px wide, in the light and the dark theme, full page. Writes
OUT_DIR/<page>-<width>-<theme>.png (default OUT_DIR: screenshots/, gitignored).
With --readme it writes only docs/briefing.png, the picture the README shows: the top of the
briefing page (its facts, summary and coverage at a glance), README_HEIGHT px tall.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from served import served_site  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
BRIEFING = "briefings/2025-12-10-mfa-regular-press-conference/"
PAGES = {
    "home": "",
    "about": "about/",
    "briefing": BRIEFING,
    "article": "articles/zhitongcaijing-guo-jiakun-human-rights-day/",
    "source": "sources/zhitongcaijing/",
    "search": "search/?q=human+rights",
    "tags": "tags/",
    "404": "no-such-page/",
}
WIDTHS = {1280: 900, 390: 844}  # width -> viewport height (a phone: 390 x 844)
README_HEIGHT = 1400


Shot = tuple[str, str, int, str, Path, bool]  # page name, path, width, theme, target, full page


def shoot(base: str, shots: list[Shot]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path, width, theme, target, full_page in shots:
            page = browser.new_page(viewport={"width": width, "height": WIDTHS[width]}, color_scheme=theme)
            page.goto(base + path)
            if name == "search":
                page.wait_for_selector("#search-results li", timeout=10_000)
            clip = None if full_page else {"x": 0, "y": 0, "width": width, "height": README_HEIGHT}
            page.screenshot(path=str(target), full_page=True, clip=clip)
            page.close()
            print(target)
        browser.close()


def main(argv: list[str]) -> int:
    readme = "--readme" in argv
    argv = [a for a in argv if a != "--readme"]
    out_dir = Path(argv[0]) if argv else ROOT / "screenshots"
    if readme:
        shots: list[Shot] = [("briefing", BRIEFING, 1280, "light", ROOT / "docs" / "briefing.png", False)]
    else:
        out_dir.mkdir(parents=True, exist_ok=True)
        shots = [
            (name, path, width, theme, out_dir / f"{name}-{width}-{theme}.png", True)
            for name, path in PAGES.items()
            for width in WIDTHS
            for theme in ("light", "dark")
        ]
    with served_site(ROOT / "content") as (base, _):
        shoot(base, shots)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
