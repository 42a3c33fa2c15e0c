"""Property tests: arbitrary front matter and bodies give a site or a clean error, never a traceback.

The budget is fixed (max_examples, no deadline) so a CI run takes well under a minute.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pressarchive.errors import BuildError, ContentError
from pressarchive.frontmatter import parse_yaml_mapping
from pressarchive.load import load_content
from pressarchive.pipeline import BuildConfig, build

pytestmark = pytest.mark.slow

FIELDS = [
    "title",
    "source",
    "date",
    "briefing",
    "url",
    "byline",
    "language",
    "tags",
    "summary",
    "retrieved",
    "slug",
    "draft",
    "extra",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(
        [
            "wire",
            "budget",
            "2025-01-01",
            "2025-02-30",
            "2025-01-01T10:00:00+01:00",
            "https://example.org/",
            "javascript:alert(1)",
            "../x",
            "/x",
            "012",
            "yes",
            "~",
            "{{ 7*7 }}",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=10,
)
FRONT_MATTER = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=12), VALUES, max_size=8)
TEXT = st.text(min_size=1, max_size=40).filter(str.strip)
VALID_ARTICLE = st.fixed_dictionaries(
    {
        "title": TEXT,
        "source": st.just("wire"),
        "date": st.sampled_from(["2025-01-01", "2025-01-01T10:00:00", "2024-12-31T23:00:00-05:00"]),
        "briefing": st.just("budget"),
    },
    optional={
        "byline": TEXT,
        "summary": TEXT,
        "tags": st.lists(TEXT, max_size=3),
        "extra": st.dictionaries(TEXT, VALUES, max_size=3),
        "slug": st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8})?", fullmatch=True),
        "url": st.just("https://example.org/a?b=c&d=<e>"),
    },
)
VALID_BRIEFING = st.fixed_dictionaries(
    {"title": TEXT, "date": st.just("2025-01-01")},
    optional={"host": TEXT, "spokesperson": TEXT, "tags": st.lists(TEXT, max_size=3)},
)
VALID_SOURCE = st.fixed_dictionaries(
    {"name": TEXT},
    optional={"description": TEXT, "kind": TEXT, "country": TEXT, "extra": st.dictionaries(TEXT, VALUES, max_size=3)},
)
YAML_TRAPS = st.sampled_from(
    [
        "&a x",
        "*a",
        "!!set {a}",
        "!!python/object:os.system x",
        "...\n---\nx: 1",
        "? [a]\n: b",
        "[" * 80,
        "'unclosed",
        "x: !!binary aGk=",
        "\t- tab",
    ]
)
RAW = st.one_of(
    st.text(max_size=200), YAML_TRAPS, st.lists(YAML_TRAPS | st.text(max_size=20), max_size=5).map("\n".join)
)
BODIES = st.text(max_size=300) | st.sampled_from(
    ["[" * 1000, "> " * 200 + "x", "<script>alert(1)</script>", "[x](javascript:alert(1))", "---\n---"]
)
ERROR_LINE = re.compile(r"^(?P<path>/[^\n]+?)(?::(?P<line>\d+))?: (?:(?P<field>[^\n]*?): )?(?P<message>[^\n]+)$", re.S)


def front_matter(data: dict | str) -> str:
    if isinstance(data, str):
        return data
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def write_site(root: Path, article_fm: dict | str, body: str, briefing_fm: dict | str, source_fm: dict | str) -> Path:
    content = root / "content"
    for folder in ("articles", "briefings", "sources"):
        (content / folder).mkdir(parents=True)
    (content / "sources" / "wire.yaml").write_text(front_matter(source_fm), encoding="utf-8")
    (content / "briefings" / "budget.md").write_text(f"---\n{front_matter(briefing_fm)}\n---\n{body}", encoding="utf-8")
    (content / "articles" / "story.md").write_text(f"---\n{front_matter(article_fm)}\n---\n{body}", encoding="utf-8")
    good = "---\ntitle: Fine\nsource: wire\ndate: 2025-01-01\nbriefing: budget\n---\nText\n"
    (content / "articles" / "fine.md").write_text(good, encoding="utf-8")
    return content


def assert_clean(error: ContentError, content: Path) -> None:
    assert Path(error.path).is_relative_to(content), error
    assert error.line >= 0
    assert ERROR_LINE.match(str(error)), str(error)


@settings(max_examples=3000, deadline=None)
@given(RAW | FRONT_MATTER.map(front_matter), st.integers(min_value=1, max_value=5))
def test_front_matter_parser_returns_fields_or_errors(text: str, first_line: int) -> None:
    errors: list[ContentError] = []
    fields = parse_yaml_mapping(text, Path("/c/articles/a.md"), first_line, errors)
    assert (fields is None) == bool(errors)
    for error in errors:
        assert_clean(error, Path("/c"))
        assert error.line >= first_line or error.line == 0
    for name, value in (fields or {}).items():
        assert isinstance(name, str) and value.line >= first_line


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | RAW.map(lambda t: ("---\n" + t + "\n---\nbody").encode("utf-8", "surrogatepass")))
def test_loading_any_bytes_collects_errors(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        (content / "articles").mkdir(parents=True)
        (content / "articles" / "a.md").write_bytes(data)
        loaded = load_content(content)
        for error in loaded.errors:
            assert_clean(error, content)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    st.one_of(VALID_ARTICLE, VALID_ARTICLE, FRONT_MATTER, RAW),
    BODIES,
    st.one_of(VALID_BRIEFING, VALID_BRIEFING, FRONT_MATTER, RAW),
    st.one_of(VALID_SOURCE, VALID_SOURCE, VALID_SOURCE, FRONT_MATTER),
)
def test_any_content_builds_or_fails_cleanly(
    article_fm: dict | str, body: str, briefing_fm: dict | str, source_fm: dict
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        content = write_site(root, article_fm, body, briefing_fm, source_fm)
        out = root / "site"
        try:
            build(BuildConfig(content=content, out=out, search=False))
        except BuildError as exc:
            assert exc.errors, exc.text
            for error in exc.errors:
                assert_clean(error, content)
            assert not out.exists()
            return
        event("built")
        inside = out.resolve()
        for path in out.rglob("*"):
            assert not path.is_symlink()
            assert path.resolve().is_relative_to(inside)
        # Beside the site only its spare (the previous build, kept for the next rebuild) and lock may appear.
        assert {p.name for p in root.iterdir()} - {".site-spare", ".site.lock"} == {"content", "site"}


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=600))
def test_importer_cleaner_never_crashes_and_only_removes_whole_lines(capture: str) -> None:
    """Arbitrary captured text: the cleaner returns, every removal is a line of the capture, and
    every word it keeps was in the capture (it drops debris, it never invents text)."""
    from pressarchive.importer.clean import clean, normalise

    cleaned = clean(capture)
    source_lines = set(normalise(capture).split("\n"))
    assert all(
        r.text in source_lines or r.text.strip() in {line.strip() for line in source_lines} for r in cleaned.removed
    )

    def words(text: str) -> set[str]:  # list markers ("•" in captures, "-" in Markdown) set aside
        return {w.strip("•-") for w in text.split()} - {""}

    assert words(cleaned.body) <= words(normalise(capture))
