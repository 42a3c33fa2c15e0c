"""Compare markdown-it-py (the build's renderer) with markdown-it-pyrs, its Rust port.

    pip install markdown-it-pyrs          # not a dependency: only this script imports it
    python scripts/markdown_renderers.py [--articles 2000]

Three questions, each answered by measurement:
1. speed on the benchmark's synthetic corpus (milliseconds per body, best of 3 passes);
2. the same HTML for every body, with the renderer configured as the build's (CommonMark,
   tables, strikethrough, raw HTML off);
3. the pathological bodies the test suite feeds the build (tests/test_hardening.py) and a few
   more, each rendered in a child process with a time limit, so that a crash or a hang is
   reported rather than suffered.
A renderer the build could use must keep what markup.py guarantees: raw HTML as text, links
checked by markup._is_safe_link, and a render that can be stopped at its time budget.
"""

from __future__ import annotations

import argparse
import html
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pressarchive import markup  # noqa: E402
from pressarchive.bench import generate_corpus  # noqa: E402

PYRS_RULES = [  # markdown-it-pyrs' "commonmark" preset without html_block and html_inline, plus the build's two
    "blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph", "reference",
    "autolink", "backticks", "emphasis", "entity", "escape", "image", "link", "newline",
    "table", "strikethrough",
]  # fmt: skip

PATHOLOGICAL = {
    "100,000 [": "'[' * 100_000",
    "400,000 [": "'[' * 400_000",
    "1,000 nested lists": "'\\n'.join('  ' * i + '- x' for i in range(1_000))",
    "100,000 nested quotes": "'>' * 100_000 + ' x'",
    "200,000 emphasis runs": "'*a ' * 200_000",
    "100,000 unclosed links": "'[a](b' * 100_000",
    "table of 100,000 rows": "'|a|b|\\n|-|-|\\n' + '|x|y|\\n' * 100_000",
    "20,000 reference definitions and uses": "'[a]: /u\\n' * 20_000 + '[a]' * 20_000",
}

LINKS = [  # markup._is_safe_link refuses each of these; the build renders them as text
    "[a](javascript:alert(1))", "[a](vbscript:msgbox)", "[a](data:text/html,x)", "![a](data:image/png;base64,AA)",
    "[a](file:///etc/passwd)", "[a](ftp://example.org/)", "<javascript:alert(1)>", "[a](JaVaScRiPt:alert(1))",
]  # fmt: skip
URL_ATTRIBUTE = re.compile(r'(?:href|src)="([^"]*)"')

CHILD = """
import sys, time
sys.path.insert(0, {root!r})
body = {expression} + "\\n"
if {rust!r}:
    import markdown_it_pyrs
    md = markdown_it_pyrs.MarkdownIt("zero").enable_many({rules!r})
    render = md.render
else:
    from pressarchive import markup
    render = lambda text: markup.render_with_excerpt(text)[0]
started = time.perf_counter()
render(body)
print(f"{{time.perf_counter() - started:.3f}}")
"""


def bodies(count: int) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        generate_corpus(Path(folder), count)
        texts = [path.read_text(encoding="utf-8") for path in sorted(Path(folder, "articles").rglob("*.md"))]
    return [text.split("\n---\n", 1)[1] for text in texts]


def per_body_ms(render, texts: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for text in texts:
            render(text)
        best = min(best, time.perf_counter() - started)
    return best / len(texts) * 1000


def pathological(rust: bool, expression: str, limit: float) -> str:
    code = CHILD.format(
        root=str(Path(__file__).resolve().parent.parent), expression=expression, rust=rust, rules=PYRS_RULES
    )
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return f"over {limit:g} s"
    if done.returncode < 0:
        return f"crashed ({signal.Signals(-done.returncode).name})"
    if done.returncode != 0:
        return f"failed: {done.stderr.strip().splitlines()[-1]}"
    return f"{float(done.stdout):.3f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds allowed per pathological body")
    args = parser.parse_args()
    try:
        import markdown_it_pyrs
    except ImportError:
        sys.exit("markdown-it-pyrs is not installed: pip install markdown-it-pyrs")
    rust = markdown_it_pyrs.MarkdownIt("zero").enable_many(PYRS_RULES)
    texts = bodies(args.articles)
    python_ms = per_body_ms(lambda text: markup.render_with_excerpt(text)[0], texts)
    rust_ms = per_body_ms(rust.render, texts)
    same = sum(rust.render(text) == markup.render_with_excerpt(text)[0] for text in texts)
    print(f"{len(texts)} bodies of the synthetic corpus")
    print(f"markdown-it-py (HTML and excerpt): {python_ms:.3f} ms per body")
    print(
        f"markdown-it-pyrs {markdown_it_pyrs.__version__} (HTML only): {rust_ms:.3f} ms per body ({python_ms / rust_ms:.1f}x faster)"
    )
    print(f"same HTML: {same} of {len(texts)}")
    print("\nlinks the build refuses, rendered as a link or image anyway:")
    for body in LINKS:
        python_urls = URL_ATTRIBUTE.findall(markup.render_with_excerpt(body)[0])
        rust_urls = URL_ATTRIBUTE.findall(rust.render(body))
        unsafe = [html.unescape(u) for u in rust_urls if not markup._is_safe_link(html.unescape(u))]
        print(f"  {body:40} markdown-it-py: {python_urls or 'none'}; markdown-it-pyrs: {unsafe or 'none'}")
    print(f"\n{'pathological body':40} {'markdown-it-py':>16} {'markdown-it-pyrs':>20}")
    for name, expression in PATHOLOGICAL.items():
        print(
            f"{name:40} {pathological(False, expression, args.limit):>16} {pathological(True, expression, args.limit):>20}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
