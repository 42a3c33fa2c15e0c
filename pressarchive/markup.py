"""Markdown to safe HTML, and plain-text excerpts.

Raw HTML in Markdown is rendered as text, and links or images may only point at
http(s), mailto or relative URLs: nothing an author writes can run script.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

_SAFE_SCHEMES = {"", "http", "https", "mailto"}


def _is_safe_link(url: str) -> bool:
    cleaned = "".join(ch for ch in url if ch.isprintable() and not ch.isspace())
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return False
    return scheme in _SAFE_SCHEMES and not cleaned.lower().startswith(("javascript:", "data:", "vbscript:"))


def _make_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = _is_safe_link  # type: ignore[method-assign]
    return md


_MD = _make_parser()


EXCERPT_WORDS = 40
EXCERPT_CJK_CHARS = 80  # Chinese and Japanese run on without spaces: a "word" may be a whole paragraph
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # kana and ideographs (Korean puts spaces between words)


class TooSlow(Exception):
    """Rendering ran past its time budget (see time_limit)."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TooSlow if the block runs longer than ``seconds`` (main thread on POSIX; else no limit)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render_with_excerpt(source: str) -> tuple[str, str]:
    """The body's HTML and its excerpt, from one parse."""
    tokens = _MD.parse(source)
    return _MD.renderer.render(tokens, _MD.options, {}), _excerpt(tokens)


def _excerpt(tokens: list[Token]) -> str:
    """The first words of the body's text (at most EXCERPT_CJK_CHARS Chinese or Japanese characters),
    ending with an ellipsis when cut."""
    text = " ".join(_plain_text(tokens)).split()
    excerpt = " ".join(text[:EXCERPT_WORDS])
    cut = len(text) > EXCERPT_WORDS
    cjk = [m.start() for m in _CJK_CHAR.finditer(excerpt)]
    if len(cjk) > EXCERPT_CJK_CHARS:
        excerpt, cut = excerpt[: cjk[EXCERPT_CJK_CHARS]].rstrip(), True
    return excerpt + (" …" if cut else "")


def render_within(source: str, budget: float) -> tuple[str, str] | None:
    """render_with_excerpt, or None when it runs past ``budget`` seconds."""
    try:
        with time_limit(budget):
            return render_with_excerpt(source)
    except TooSlow:
        return None


def _plain_text(tokens: list[Token]) -> list[str]:
    """One string per inline block (paragraph, heading, list item), markup dropped."""
    blocks = []
    for token in tokens:
        if token.type == "inline":
            blocks.append("".join(_child_text(child) for child in token.children or []))
    return blocks


def _child_text(child: Token) -> str:
    if child.type in ("text", "code_inline"):
        return child.content
    return " " if child.type in ("softbreak", "hardbreak") else ""
