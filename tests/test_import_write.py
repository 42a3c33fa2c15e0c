"""Writing: YAML that reloads to the same values, slugs, refusals."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pressarchive.errors import ContentError
from pressarchive.frontmatter import parse_yaml_mapping
from pressarchive.importer.write import NewFile, front_matter, refusals, slugify, unique

TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1)


def reload(fields: dict) -> dict:
    errors: list[ContentError] = []
    parsed = parse_yaml_mapping(front_matter(fields), Path("x.md"), 2, errors)
    assert errors == [] and parsed is not None
    return {key: value.value for key, value in parsed.items()}


@settings(max_examples=300, deadline=None)
@given(TEXT, st.lists(TEXT, max_size=3), st.dictionaries(st.text(min_size=1, max_size=10), TEXT, max_size=3))
def test_any_title_tags_and_extra_reload_unchanged(title, tags, extra):
    fields = {"title": title, "source": "x", "date": "2025-12-10T08:17:04", "tags": tags, "draft": True, "extra": extra}
    assert reload(fields) == fields


def test_awkward_titles_reload_unchanged():
    for title in [
        "\x85",
        "a\u2028b",
        'Ministry: "talks" # not a comment',
        "- a dash",
        "'quoted'",
        "yes",
        "2025-12-10",
        "null",
        "🌍✨ emoji",
        "a: b\nc",
    ]:
        assert reload({"title": title})["title"] == title


def test_slugify():
    assert (
        slugify("Chinese mainland to Power Up Global Human Rights 🌍✨")
        == "chinese-mainland-to-power-up-global-human-rights"
    )
    assert slugify("Café: visit & talks") == "cafe-visit-talks"
    assert slugify("🌍✨") == ""
    assert len(slugify("word " * 40)) <= 60


def test_other_scripts_are_transliterated_one_syllable_a_word():
    assert slugify("МИД Китая назвал буллингом") == "mid-kitaya-nazval-bullingom"
    assert slugify("人民網日本語版") == "ren-min-wang-ri-ben-yu-ban"
    assert slugify("마오닝 대변인") == "ma-o-ning-dae-byeon-in"
    assert slugify("Mao Ning (毛宁) said") == "mao-ning-mao-ning-said"
    assert slugify("iPhone ban 📱") == "iphone-ban"  # Latin words stay whole, symbols go


def test_unique_avoids_taken_and_reserved_slugs():
    assert unique("a", {"a", "a-2"}) == "a-3"
    assert unique("search", set()) == "search-2"


def test_refusals_name_existing_files(tmp_path):
    existing = tmp_path / "a.md"
    existing.write_text("x")
    files = [NewFile(existing, "y", "article"), NewFile(tmp_path / "b.md", "y", "article")]
    assert refusals(files, force=False) == [f"{existing}: already exists; not overwritten (use --force to replace it)"]
    assert refusals(files, force=True) == []
