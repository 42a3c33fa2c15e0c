"""`build.py import` end to end: golden files for both seeds, refusals, dry runs, HTML pages.

Regenerate the goldens after an intended change with:

    PRESSARCHIVE_UPDATE_GOLDENS=1 python -m pytest tests/test_import_cli.py
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, build_ok, run_build, tree_bytes

from pressarchive.importer.hosts import host_of_site, host_with_id
from pressarchive.importer.metadata import read_capture
from pressarchive.importer.outlet import host_of
from pressarchive.importer.transcripts import restored_labels, transcript_reason, unanswered

SEEDS = CONTENT / "captures"
ZT = SEEDS / "000_1a359d1b1b1cfee0.txt"
NH = SEEDS / "002_34fcbf3e7faf7fdd.txt"
NH_URL = (
    "https://namasteheadlines.com/china/20251211-chinese-mainland-to-power-up-global-human-rights-%f0%9f%8c%8d%e2%9c%a8"
)
NH_OPTIONS = ("--source", "namaste-headlines", "--url", NH_URL)
CAPTURES = Path(__file__).resolve().parent / "fixtures" / "import" / "captures"
GOLDEN = Path(__file__).resolve().parent / "fixtures" / "import" / "golden"
UPDATE = os.environ.get("PRESSARCHIVE_UPDATE_GOLDENS") == "1"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A content folder holding only the bundled sources."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "sources", content / "sources")
    return content


def import_ok(content: Path, *args: str | Path):
    result = run_build("import", *args, "--content", content)
    assert result.returncode == 0, result.stderr
    return result


def written(content: Path) -> dict[str, bytes]:
    return {k: v for k, v in tree_bytes(content).items() if not k.startswith("sources/")}


def assert_golden(name: str, actual: dict[str, bytes]) -> None:
    folder = GOLDEN / name
    if UPDATE:
        shutil.rmtree(folder, ignore_errors=True)
        for rel, data in actual.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_bytes(data)
    assert actual == tree_bytes(folder)


def outputs(result, content: Path) -> dict[str, bytes]:
    def portable(text: str) -> bytes:
        return text.replace(str(content), "CONTENT").replace(str(SEEDS), "SEEDS").encode()

    return {"stdout.txt": portable(result.stdout), "stderr.txt": portable(result.stderr)}


def test_both_seeds_imported_one_after_the_other_match_the_goldens_and_share_a_briefing(archive, tmp_path):
    first = import_ok(archive, ZT)
    assert_golden("after-000", {**written(archive), **outputs(first, archive)})
    second = import_ok(archive, NH, *NH_OPTIONS)
    assert_golden("after-002", {**written(archive), **outputs(second, archive)})

    briefings = sorted((archive / "briefings").glob("*.md"))
    assert [b.name for b in briefings] == ["2025-12-10-cn-mfa-press-conference.md"]
    for article in (archive / "articles").rglob("*.md"):
        text = article.read_text(encoding="utf-8")
        assert "briefing: 2025-12-10-cn-mfa-press-conference\n" in text and "draft: true\n" in text
    assert "ok: 2 articles, 1 briefing, 2 sources" in build_ok("check", "--content", archive, "--drafts").stderr
    build_ok("check", "--content", archive)
    out = tmp_path / "site"
    build_ok("--content", archive, "--out", out, "--drafts")
    assert (out / "briefings/2025-12-10-cn-mfa-press-conference/index.html").is_file()
    assert (out / "articles/chinese-mainland-to-power-up-global-human-rights/index.html").is_file()


def test_both_seeds_in_one_command_share_a_briefing(archive):
    result = import_ok(archive, ZT, NH, "--source", "zhitongcaijing", "--date", "2025-12-11")
    assert len(result.stdout.splitlines()) == 6  # two articles, one briefing, two captures and their list
    table = result.stderr.split("Review (2 captures):\n")[1].splitlines()
    assert table[0].startswith("| capture | title | date (from) | source | language | briefing (why) |")
    rows = [row.split(" | ") for row in table[2:]]
    assert [row[0] for row in rows] == [f"| {ZT.name}", f"| {NH.name}"]
    briefings = [re.search(r"\d{4}-\d\d-\d\d-[a-z-]+", row[5]) for row in rows]
    assert briefings[0] and briefings[1] and briefings[0][0] == briefings[1][0]  # one briefing, its reason given
    assert len(list((archive / "briefings").glob("*.md"))) == 1
    build_ok("check", "--content", archive)


def test_the_capture_is_kept_in_the_archive_and_published_with_its_digest(archive, tmp_path):
    import_ok(archive, ZT)
    assert (archive / "captures" / ZT.name).read_bytes() == ZT.read_bytes()
    other = tmp_path / "elsewhere" / ZT.name  # another capture under the same name
    other.parent.mkdir()
    other.write_bytes(NH.read_bytes())
    import_ok(archive, other, *NH_OPTIONS, "--date", "2025-12-11")
    sums = (archive / "captures" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    digest = hashlib.sha256(NH.read_bytes()).hexdigest()
    renamed = f"{ZT.stem}-{digest[:12]}.txt"
    assert sorted(sums) == sorted([f"{digest}  {renamed}", f"{hashlib.sha256(ZT.read_bytes()).hexdigest()}  {ZT.name}"])
    assert (archive / "captures" / renamed).read_bytes() == NH.read_bytes()
    site = tmp_path / "site"
    build_ok("--content", archive, "--out", site, "--drafts", "--no-search")
    assert (site / "captures" / renamed).read_bytes() == NH.read_bytes()
    [page] = [p for p in (site / "articles").rglob("index.html") if "chinese-mainland" in str(p)]
    assert f'href="/captures/{renamed}"' in page.read_text(encoding="utf-8")


def test_a_capture_missing_required_fields_fails_naming_the_options_and_writes_nothing(archive):
    result = run_build("import", ZT, NH, "--content", archive)
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: {NH}: source: the capture names no outlet and no --url was given; "
        "pass --url or --source ID (known: namaste-headlines, zhitongcaijing)\n"
        "Nothing was written.\n"
    )
    assert written(archive) == {}


def test_a_capture_imported_again_is_refused_unless_forced(archive):
    import_ok(archive, ZT)
    before = tree_bytes(archive)
    again = run_build("import", ZT, "--content", archive)
    assert again.returncode == 1
    assert "already exists; not overwritten (use --force to replace it)" in again.stderr
    assert tree_bytes(archive) == before
    # a dry run says so too (a curator's review: it exited 0 without a word, the real run then refused)
    looked = import_ok(archive, ZT, "--dry-run")
    assert "Without --dry-run this import would be refused:" in looked.stderr and "already exists" in looked.stderr
    forced = import_ok(archive, ZT, "--force")
    assert forced.stdout.strip().endswith("on-december-10-foreign-ministry-spokesman-guo-jiakun.md")
    assert tree_bytes(archive) == before  # same capture, same file


def test_a_batch_run_again_with_a_new_capture_sets_the_old_ones_aside_and_imports_the_new(archive, tmp_path):
    first = [eval_capture(n) for n in ("007", "008")]
    urls = tmp_path / "urls.tsv"
    urls.write_text("".join(f"{c.name}\t{eval_url(c)}\n" for c in [*first, eval_capture("011")]), encoding="utf-8")
    import_ok(archive, *first, "--url-list", urls)
    before = tree_bytes(archive / "articles")
    again = import_ok(archive, *first, eval_capture("011"), "--url-list", urls)
    assert again.stderr.count("not imported: the archive holds this capture already") == 2
    after = tree_bytes(archive / "articles")
    assert len(after) == len(before) + 1 and all(after[path] == data for path, data in before.items())


def test_the_same_capture_twice_in_one_batch_makes_one_article(archive, tmp_path):
    twin = tmp_path / "twin.txt"
    twin.write_bytes(ZT.read_bytes())
    result = import_ok(archive, ZT, twin)
    assert len(list((archive / "articles").rglob("*.md"))) == 1
    assert "not imported: the archive holds this capture already" in result.stderr


def test_an_article_that_joins_late_brings_in_those_that_match_it(archive, tmp_path):
    """An undated report (A) shares wording only with a dated one (B) that waits for its briefing; when a
    third (C) makes that briefing and B joins it, A joins too, as it would in one batch."""
    texts = {
        "a.txt": "Lin Jian told a press conference that the Hormuz strait must stay open to shipping, and that all"
        " parties should show restraint and avoid any escalation in the region.\n",
        "b.txt": "The Hormuz strait must stay open to shipping, and all parties should show restraint and avoid any"
        " escalation in the region. China also welcomes the resumption of trade talks with Washington next month"
        " in Geneva, the ministry added.\n",
        "c.txt": "Foreign Ministry spokesperson Lin Jian said at a regular press conference on Tuesday that China"
        " welcomes the resumption of trade talks with Washington next month in Geneva.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    import_ok(archive, tmp_path / "a.txt", "--url", "https://example.org/a")
    import_ok(archive, tmp_path / "b.txt", "--url", "https://example.org/b", "--date", "2026-03-17")
    import_ok(archive, tmp_path / "c.txt", "--url", "https://example.org/c", "--date", "2026-03-17")
    briefings = {front(path).get("briefing") for path in (archive / "articles").rglob("*.md")}
    assert briefings == {"2026-03-17-cn-mfa-press-conference"}


def test_dry_run_prints_files_and_report_and_writes_nothing(archive):
    result = import_ok(archive, ZT, "--dry-run")
    assert written(archive) == {}
    assert result.stdout.count("=== ") == 4 and "(article, not written: --dry-run)" in result.stdout
    assert (
        f"{ZT.name} (capture, not written: --dry-run)\n({ZT.stat().st_size:,} bytes, the capture as it is)\n"
        in result.stdout
    )
    assert "removed line 1 (market ticker): '-+ 0.00%'" in result.stderr
    assert "removed line 9 (repeated copy of the text)" in result.stderr
    assert "to fill in:" in result.stderr


def test_briefing_option_overrides_matching(archive):
    import_ok(archive, ZT)
    shutil.copy(CONTENT / "briefings/2025-12-10-mfa-regular-press-conference.md", archive / "briefings")
    result = import_ok(archive, NH, *NH_OPTIONS, "--briefing", "2025-12-10-mfa-regular-press-conference")
    assert "briefing: 2025-12-10-mfa-regular-press-conference (given with --briefing)" in result.stderr
    bad = run_build("import", NH, *NH_OPTIONS, "--briefing", "nope", "--content", archive)
    assert bad.returncode == 1 and "unknown briefing 'nope'" in bad.stderr


def test_html_page_with_metadata_imports_and_proposes_its_outlet_as_a_source(archive):
    result = import_ok(archive, CAPTURES / "with_metadata.html")
    source = archive / "sources/example-news.yaml"
    assert source.read_text(encoding="utf-8") == "name: Example News\nurl: https://news.example.org/\n"
    [article] = (archive / "articles").rglob("*.md")
    text = article.read_text(encoding="utf-8")
    assert "date: '2025-12-10T18:30:00+08:00'\n" in text and "byline: Jane Doe\n" in text
    assert "url: https://news.example.org/world/2025/12/ministry-briefing\n" in text
    assert f"source: new file {source}" in result.stderr
    build_ok("check", "--content", archive)


def test_html_page_without_metadata_needs_a_source(archive):
    page = CAPTURES / "without_metadata.html"
    failed = run_build("import", page, "--content", archive)
    assert failed.returncode == 1
    assert "pass --url or --source ID" in failed.stderr
    import_ok(
        archive,
        page,
        "--source",
        "zhitongcaijing",
        "--date",
        "2025-12-10",
        "--title",
        "Minister to visit Southeast Asia",
    )
    build_ok("check", "--content", archive)


# Real captures with only their URL (eval/import) -----------------------------------

EVAL = Path(__file__).resolve().parent.parent / "eval" / "import"
BATCH = ["007", "008", "011", "015", "016", "010", "042", "043"]


def eval_capture(number: str, eval_set: Path = EVAL) -> Path:
    [path] = (eval_set / "captures").glob(f"{number}_*.txt")
    return path


def eval_url(path: Path) -> str:
    listed = path.parent.parent / "urls.tsv"
    rows = dict(line.split("\t") for line in listed.read_text(encoding="utf-8").splitlines())
    return rows[f"captures/{path.name}"]


def test_the_outlet_comes_from_the_url_and_a_new_one_is_listed_to_fill_in(archive):
    first, again = eval_capture("005"), eval_capture("016")
    result = import_ok(archive, first, "--url", eval_url(first))
    source = archive / "sources/global-times.yaml"  # named by the table of well-known outlets' sites
    assert source.read_text(encoding="utf-8") == "name: Global Times\nurl: https://globaltimes.cn/\n"
    assert f"source: new file {source}" in result.stderr
    assert "the table of known outlets: globaltimes.cn is Global Times's site" in result.stderr
    platform = import_ok(archive, again, "--url", eval_url(again))  # en.people.cn carries Xinhua's article
    [article] = [p for p in (archive / "articles").rglob("*.md") if "russian-pm" in p.name]
    text = article.read_text(encoding="utf-8")
    assert "source: xinhua\n" in text and "platform: en.people.cn\n" in text and "language: en\n" in text
    assert "date: 2025-10-31T21:02\n" in text and 'date_source: text "Xinhua) 21:02, October 31, 2025"' in text
    assert "named by the agency the text credits" in platform.stderr
    build_ok("check", "--content", archive, "--drafts")


def test_an_unknown_host_names_its_new_source(archive, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Guo Jiakun said at the regular press conference that China welcomes the talks.\n", "utf-8")
    result = import_ok(archive, story, "--url", "https://news.example-daily.org/world/1", "--date", "2025-12-10")
    assert "source: news-example-daily-org (named by the URL's host)" in result.stderr
    assert (archive / "sources/news-example-daily-org.yaml").read_text(encoding="utf-8") == (
        "name: news.example-daily.org\nurl: https://news.example-daily.org/\n"
    )


def test_a_known_host_maps_to_its_source_by_url_or_hosts(archive):
    (archive / "sources/global-times.yaml").write_text(
        "name: Global Times\nurl: https://www.globaltimes.cn/\nhosts: [gt.cn]\n", encoding="utf-8"
    )
    capture = eval_capture("005")
    result = import_ok(archive, capture, "--url", eval_url(capture))
    assert "source: global-times (owns the URL's host globaltimes.cn)" in result.stderr
    assert not (archive / "sources/globaltimes-cn.yaml").exists()


def test_a_chinese_title_gets_a_slug_with_letters(archive):
    capture = eval_capture("010")  # the ministry's Chinese transcript, on a portal: imported as coverage here
    result = import_ok(archive, capture, "--url", eval_url(capture), "--as", "article")
    [article] = (archive / "articles").rglob("*.md")
    assert re.search("[a-z]{3}", article.stem), article.name
    assert "language: zh\n" in article.read_text(encoding="utf-8") and result.returncode == 0


def batch(content: Path, tmp_path: Path, order: list[str]) -> dict[str, bytes]:
    captures = [eval_capture(n) for n in order]
    url_list = tmp_path / f"urls-{order[0]}.tsv"
    url_list.write_text("".join(f"{c.name}\t{eval_url(c)}\n" for c in captures), encoding="utf-8")
    import_ok(content, *captures, "--url-list", url_list)
    return written(content)


def briefing_of(files: dict[str, bytes], number: str) -> str:
    """The briefing of the article imported from capture ``number``, or of the transcript it became."""
    [(path, text)] = [
        (k, v.decode())
        for k, v in files.items()
        if k.startswith(("articles/", "transcripts/")) and f"capture: captures/{number}_" in v.decode()
    ]
    if path.startswith("transcripts/"):
        return path.removeprefix("transcripts/").split(".")[0]
    return re.search(r"\nbriefing: (\S+)\n", text)[1]  # type: ignore[index]


def test_a_batch_makes_the_same_groups_in_any_order(tmp_path):
    forward, backward = tmp_path / "a", tmp_path / "b"
    for folder in (forward, backward):
        shutil.copytree(CONTENT / "sources", folder / "sources")
    files = batch(forward, tmp_path, BATCH)
    assert files == batch(backward, tmp_path, BATCH[::-1])
    assert briefing_of(files, "007") == briefing_of(files, "008")  # 29 October, two outlets
    assert briefing_of(files, "015") == briefing_of(files, "016")  # 31 October
    assert briefing_of(files, "042") == briefing_of(files, "043")  # the UN, 8 January, in Spanish
    assert len({briefing_of(files, n) for n in ("007", "010", "015")}) == 3  # consecutive days stay apart
    build_ok("check", "--content", forward, "--drafts")


def test_coverage_in_another_language_joins_the_one_briefing_of_its_host_that_day(archive):
    for number in ("031", "032", "010", "013"):  # Zakharova in English, then Russian; Guo in Chinese, then Japanese
        capture = eval_capture(number)
        result = import_ok(archive, capture, "--url", eval_url(capture))
    files = written(archive)
    assert briefing_of(files, "031") == briefing_of(files, "032") == "2025-10-23-ru-mfa-press-briefing"
    assert briefing_of(files, "010") == briefing_of(files, "013") == "2025-10-30-cn-mfa-press-conference"
    assert '"郭嘉昆" next to "記者会見"' in result.stderr
    assert "the one briefing of that host on 2025-10-30, the day the text names" in result.stderr
    briefing = files["briefings/2025-10-23-ru-mfa-press-briefing.md"].decode()
    assert "host: Ministry of Foreign Affairs of the Russian Federation\n" in briefing


def test_a_capture_naming_no_briefing_gets_none_unless_it_matches_one(archive):
    capture = eval_capture("035")  # Zakharova on Telegram
    result = import_ok(archive, capture, "--url", eval_url(capture))
    [article] = (archive / "articles").rglob("*.md")
    assert "\nbriefing:" not in article.read_text(encoding="utf-8") and not (archive / "briefings").exists()
    assert "briefing: the text names none; pass --briefing ID if it reports one" in result.stderr
    build_ok("check", "--content", archive, "--drafts")


@pytest.mark.parametrize(
    ("data", "what"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"), (b"%PDF-1.4\n", "a PDF file")],
)
def test_a_binary_capture_is_refused_by_name_and_nothing_is_written(archive, tmp_path, data, what):
    bad = tmp_path / "page.txt"
    bad.write_bytes(data)
    result = run_build("import", bad, "--url", "https://example.org/a", "--content", archive)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{bad}: {what}, not a capture" in result.stderr
    assert written(archive) == {}


def test_a_mistyped_content_folder_is_an_error_not_a_new_archive(tmp_path):
    typo = tmp_path / "contnet"
    result = run_build("import", ZT, "--content", typo)
    assert result.returncode == 1 and "no such folder; create an archive there with --init" in result.stderr
    assert not typo.exists()
    (tmp_path / "notes").mkdir()
    other = run_build("import", ZT, "--content", tmp_path / "notes")
    assert other.returncode == 1 and "not an archive" in other.stderr
    # a new archive may be looked at first (a user's review): --init --dry-run plans it and writes nothing
    looked = import_ok(typo, ZT, "--init", "--dry-run")
    assert "briefing: new 2025-12-10-cn-mfa-press-conference" in looked.stderr and not typo.exists()
    assert run_build("import", ZT, "--init", "--dry-run", "--content", tmp_path / "notes").returncode == 0
    (tmp_path / "notes" / "a.txt").write_text("mine", encoding="utf-8")
    refused = run_build("import", ZT, "--init", "--dry-run", "--content", tmp_path / "notes")
    assert refused.returncode == 1 and "exists and is not empty; not made into an archive" in refused.stderr
    import_ok(typo, ZT, "--init")
    assert (typo / "sources/zhitongcaijing.yaml").is_file()


def groups_one_at_a_time(content: Path, order: list[str]) -> set[frozenset[str]]:
    """Import the captures one per command, in ``order``; the captures grouped by the briefing they end with."""
    shutil.copytree(CONTENT / "sources", content / "sources")
    for number in order:
        capture = eval_capture(number)
        import_ok(content, capture, "--url", eval_url(capture))
    files = written(content)
    by_briefing: dict[str, set[str]] = {}
    for number in order:
        by_briefing.setdefault(briefing_of(files, number), set()).add(number)
    return {frozenset(numbers) for numbers in by_briefing.values()}


def test_an_article_imported_without_a_briefing_gets_it_when_its_coverage_arrives(tmp_path):
    # AP's story names no briefing; the State Department's transcript and a report of it come later.
    first = groups_one_at_a_time(tmp_path / "a", ["019", "018", "020"])
    assert first == {frozenset({"018", "019", "020"})}
    assert groups_one_at_a_time(tmp_path / "b", ["020", "018", "019"]) == first
    build_ok("check", "--content", tmp_path / "a", "--drafts")


def test_photo_captions_kept_in_extra_match_a_waiting_article_as_they_matched_it_new(tmp_path):
    # NPR's story joins the State Department's briefing on its caption's names as well as its text,
    # whether it comes last (matched new) or first (matched again from its file when coverage comes).
    last = groups_one_at_a_time(tmp_path / "a", ["020", "019", "021"])
    assert last == {frozenset({"019", "020", "021"})}
    assert groups_one_at_a_time(tmp_path / "b", ["021", "020", "019"]) == last
    [npr] = [p for p in (tmp_path / "b" / "articles").rglob("*.md") if "021_" in p.read_text(encoding="utf-8")]
    captions = front(npr)["extra"]["photo_captions"]
    assert captions[0].startswith("Secretary of State Marco Rubio, speaks at the State Department in Washington")
    assert "in Washington, April 1" not in npr.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    build_ok("check", "--content", tmp_path / "b", "--drafts")


def test_a_capture_that_ends_mid_sentence_is_flagged_truncated_and_shown_so(archive, tmp_path):
    capture = eval_capture("019")  # AP's story, cut off by the page it was saved from
    result = import_ok(archive, capture, "--url", eval_url(capture))
    [article] = (archive / "articles").rglob("*.md")
    assert "\ntruncated: true\n" in article.read_text(encoding="utf-8")
    assert "truncated: the capture ends mid-sentence" in result.stderr
    site = tmp_path / "site"
    build_ok("--content", archive, "--out", site, "--drafts", "--no-search")
    [page] = (site / "articles").rglob("index.html")
    assert "the capture this text comes from stops before the article ends" in page.read_text(encoding="utf-8")
    complete = eval_capture("016")  # ends with a full stop
    import_ok(archive, complete, "--url", eval_url(complete))
    [other] = [p for p in (archive / "articles").rglob("*.md") if p != article]
    assert "truncated:" not in other.read_text(encoding="utf-8")


def test_a_capture_imported_again_after_its_briefing_arrived_gets_it_once(archive):
    lone = eval_capture("019")  # names no briefing: imported without one
    import_ok(archive, lone, "--url", eval_url(lone))
    transcript = eval_capture("018")
    import_ok(archive, transcript, "--url", eval_url(transcript))
    [briefing] = (archive / "briefings").glob("*.md")
    import_ok(archive, lone, "--url", eval_url(lone), "--force", "--briefing", briefing.stem)
    [article] = [p for p in (archive / "articles").rglob("*.md") if "capture: captures/019_" in p.read_text()]
    assert article.read_text(encoding="utf-8").count("\nbriefing: ") == 1
    build_ok("check", "--content", archive, "--drafts")


def with_page_around(capture: Path, folder: Path) -> Path:
    """The capture as its site frames it: a breadcrumb under the headline (three words: more than a section's
    label, which goes anyway), a footer below (People's Daily's own)."""
    lines = capture.read_text(encoding="utf-8").split("\n")
    framed = [
        lines[0],
        "Home>>China Politics>>Foreign Affairs",
        *lines[1:],
        "",
        SHARED_SENTENCE,
        "Weibo WeChat Facebook Twitter",
    ]
    path = folder / capture.name
    path.write_text("\n".join(framed), encoding="utf-8")
    return path


SHARED_SENTENCE = "The Chinese Foreign Ministry holds a regular press conference every weekday afternoon in Beijing."


def test_a_line_recurring_in_a_sources_captures_is_learned_as_its_furniture_and_kept_reviewable(archive, tmp_path):
    first, second = (with_page_around(eval_capture(n), tmp_path) for n in ("007", "016"))  # People's Daily, English
    import_ok(archive, first, "--url", eval_url(eval_capture("007")))
    assert not (archive / "furniture").exists()  # one article of the source: nothing recurs yet
    result = import_ok(archive, second, "--url", eval_url(eval_capture("016")))
    stored = (archive / "furniture/en.people.cn.txt").read_text(encoding="utf-8")
    assert "\nHome>>China Politics>>Foreign Affairs\n" in stored and "\nWeibo WeChat Facebook Twitter\n" in stored
    assert f"# seen in captures/{second.name}, articles/" in stored
    assert SHARED_SENTENCE not in stored  # a sentence is article text, even when two articles share it
    assert "furniture learned: it recurs in articles/" in result.stderr
    [later] = [p for p in (archive / "articles").rglob("*.md") if second.name in p.read_text(encoding="utf-8")]
    body = later.read_text(encoding="utf-8")
    assert (
        "Home>>China Politics>>Foreign Affairs" not in body and "Weibo WeChat" not in body and SHARED_SENTENCE in body
    )
    # A curator keeps one line ("! line"); imported again, the other goes as the file lists it.
    (archive / "furniture/en.people.cn.txt").write_text(stored + "! Weibo WeChat Facebook Twitter\n", encoding="utf-8")
    again = import_ok(archive, first, "--url", eval_url(eval_capture("007")), "--force")
    assert "furniture of the site (en.people.cn.txt)" in again.stderr
    [earlier] = [p for p in (archive / "articles").rglob("*.md") if first.name in p.read_text(encoding="utf-8")]
    body = earlier.read_text(encoding="utf-8")
    assert "Home>>China Politics>>Foreign Affairs" not in body and "Weibo WeChat Facebook Twitter" in body
    build_ok("check", "--content", archive, "--drafts")


def test_a_capture_printing_no_date_becomes_a_draft_without_one_that_no_build_publishes(archive, tmp_path):
    capture = eval_capture("023")  # The Washington Post's story as a platform carries it: no date anywhere
    result = import_ok(archive, capture, "--url", eval_url(capture))
    assert "date: add it (or import again with --date)" in result.stderr
    assert "briefing: not matched: the capture has no date, and its text names The White House" in result.stderr
    [article] = (archive / "articles" / "undated").glob("*.md")
    text = article.read_text(encoding="utf-8")
    assert "\ndate:" not in text and "\ndraft: true\n" in text and "\nbriefing:" not in text
    dated = eval_capture("016")
    import_ok(archive, dated, "--url", eval_url(dated))
    site = tmp_path / "site"
    # Drafts published (a curator's preview): the undated one stays out, named in a warning; --strict refuses it.
    preview = build_ok("--content", archive, "--out", site, "--drafts", "--no-search")
    assert f"{article}: date: not set yet: the draft stays out of the site until it has one" in preview.stderr
    assert len(list((site / "articles").rglob("index.html"))) == 1
    shutil.rmtree(site)
    refused = run_build("--content", archive, "--out", site, "--drafts", "--no-search", "--strict")
    assert refused.returncode == 1 and f"{article}: date: not set yet" in refused.stderr
    assert not site.exists()
    # Not published: left out with a warning naming it; the dated draft is published once it is no draft.
    other = next(p for p in (archive / "articles").rglob("*.md") if p != article)
    other.write_text(other.read_text(encoding="utf-8").replace("\ndraft: true\n", "\n"), encoding="utf-8")
    built = build_ok("--content", archive, "--out", site, "--no-search")
    assert f"{article}: date: not set yet: the draft stays out of the site until it has one" in built.stderr
    assert len(list((site / "articles").rglob("index.html"))) == 1
    article.write_text(text.replace("\ndraft: true\n", "\ndate: 2025-01-28\n"), encoding="utf-8")
    build_ok("--content", archive, "--out", site, "--no-search")
    assert len(list((site / "articles").rglob("index.html"))) == 2


@pytest.mark.parametrize("undated_first", [True, False])
def test_a_capture_without_a_date_joins_the_briefing_of_its_host_it_clearly_matches_in_either_order(
    archive, undated_first
):
    undated, dated = eval_capture("041"), eval_capture("040")  # one EFE story, as two sites carry it
    order = [undated, dated] if undated_first else [dated, undated]
    reports = [import_ok(archive, capture, "--url", eval_url(capture)).stderr for capture in order]
    [article] = (archive / "articles" / "undated").glob("*.md")
    text = article.read_text(encoding="utf-8")
    assert "\nbriefing: 2026-01-08-un-sg-press-briefing\n" in text and "\ndate:" not in text
    if undated_first:
        assert "briefing: not matched: the capture has no date, and its text names United Nations" in reports[0]
        assert f"also {article}, imported without a briefing: briefing: 2026-01-08" in reports[1]
    else:
        assert "no date, so compared with its 1 briefing day in the archive" in reports[1]
        assert "its briefing was on 2026-01-08, so it was published then or later" in reports[1]


@pytest.mark.parametrize("undated_first", [True, False])
def test_a_capture_without_a_date_naming_its_briefings_day_joins_its_hosts_one_briefing_of_that_day(
    archive, tmp_path, undated_first
):
    undated, dated = eval_capture("045"), eval_capture("040")  # TASS in Russian: "8 января ... в ходе брифинга"
    order = [undated, dated] if undated_first else [dated, undated]
    reports = [import_ok(archive, capture, "--url", eval_url(capture)).stderr for capture in order]
    [article] = (archive / "articles" / "undated").glob("*.md")
    assert "\nbriefing: 2026-01-08-un-sg-press-briefing\n" in article.read_text(encoding="utf-8")
    said = "the archive's one briefing of that host on 8 January, the day the text names next to the briefing"
    assert said in reports[1]
    # The same text naming 9 January, a day the archive holds no UN briefing on: not the nearest one.
    other_day = tmp_path / "other-day.txt"
    other_day.write_text(undated.read_text(encoding="utf-8").replace("8 января", "9 января"), encoding="utf-8")
    result = import_ok(archive, other_day, "--url", "https://29ru.net/mix/418476403")
    assert "names 9 January, a day the archive holds none of its briefings on" in result.stderr
    [again] = [p for p in (archive / "articles").rglob("*.md") if other_day.name in p.read_text(encoding="utf-8")]
    assert "\nbriefing:" not in again.read_text(encoding="utf-8")


def test_a_line_that_is_only_the_sites_name_goes_and_the_sentence_naming_it_stays(archive):
    capture = eval_capture("008")  # News.Az signs its copy with its name on a line of its own
    result = import_ok(archive, capture, "--url", eval_url(capture))
    assert "(the site's name on its own line): 'News.Az'" in result.stderr
    [article] = (archive / "articles").rglob("*.md")
    body = article.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert "\nNews.Az\n" not in f"\n{body}\n" and "News.Az reports, citing Xinhua." in body


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_a_hosts_own_transcript_becomes_its_briefings_transcript_that_coverage_is_matched_against(archive, tmp_path):
    capture = eval_capture("001")  # the ministry's English transcript of 10 December, on mfa.gov.cn
    url = eval_url(capture)
    result = import_ok(archive, capture, "--url", url)
    path = archive / "transcripts" / "2025-12-10-cn-mfa-press-conference.en.md"
    assert f"-> {path}" in result.stderr
    assert (
        "transcript: 1 question answered under speaker labels under a title naming a briefing, on mfa.gov.cn"
        in result.stderr
    )
    head = front(path)
    assert head["url"] == url and head["complete"] is False and head["capture"] == f"captures/{capture.name}"
    # (the page says the archive holds part of it: the note says how the copy ends, not that again)
    assert head["note"].startswith("The capture ends mid-sentence (“…") and "holds part" not in head["note"]
    assert head["extra"]["published"] == "2025-12-10T21:50" and "copy_found_at" not in head["extra"]
    assert not (archive / "articles").exists()
    briefing = front(archive / "briefings" / "2025-12-10-cn-mfa-press-conference.md")  # made by the transcript
    assert (
        briefing["title"] == "Foreign Ministry Spokesperson Guo Jiakun’s Regular Press Conference on December 10, 2025"
    )
    assert briefing["transcript_url"] == url
    # Coverage naming neither host nor briefing, sharing two of the transcript's sentences, is matched through it.
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2].split("\n\n")
    story = tmp_path / "story.txt"
    story.write_text(f"Friends of governance\n\n{body[2]}\n\n{body[3]}\n", encoding="utf-8")
    joined = import_ok(archive, story, "--url", "https://example.org/world/friends", "--date", "2025-12-11")
    assert "via transcript transcripts/2025-12-10-cn-mfa-press-conference.en.md" in joined.stderr
    [article] = (archive / "articles").rglob("*.md")
    assert "\nbriefing: 2025-12-10-cn-mfa-press-conference\n" in article.read_text(encoding="utf-8")
    site = tmp_path / "site"
    build_ok("--content", archive, "--out", site, "--drafts", "--no-search")
    page = (site / "briefings" / "2025-12-10-cn-mfa-press-conference" / "index.html").read_text(encoding="utf-8")
    assert "Transcript (English)" in page
    # The briefing holds its English transcript: a second one is refused, unless forced.
    again = run_build("import", capture, "--url", url, "--content", archive)
    assert (
        again.returncode == 1
        and "already holds the en transcript of 2025-12-10-cn-mfa-press-conference" in again.stderr
    )
    assert "pass --force to replace it" in again.stderr
    import_ok(archive, capture, "--url", url, "--force")
    assert front(path) == head


def test_a_transcript_reposted_elsewhere_is_kept_as_the_copy_it_is(archive):
    capture = eval_capture("015")  # the ministry's transcript of 31 October, on a portal
    import_ok(archive, capture, "--url", eval_url(capture))
    [path] = (archive / "transcripts").glob("*.md")
    assert path.name == "2025-10-31-cn-mfa-press-conference.en.md"
    assert front(path)["extra"]["copy_found_at"] == host_of(eval_url(capture))


def test_transcripts_are_told_from_coverage_as_the_labels_say():
    labels = yaml.safe_load((EVAL / "labels.yaml").read_text(encoding="utf-8"))["captures"]
    for label in labels:
        found = read_capture(EVAL / label["capture"])
        site = host_of(label["url"])
        reason = transcript_reason(
            [found.title, *found.original_titles], found.body, host_of_site(site), site, language=found.language
        )
        assert (reason is not None) == bool(label.get("transcript")), (label["capture"], reason)


def test_a_transcripts_repost_under_a_new_headline_is_known_by_the_original_headline_it_notes(archive):
    """hotkkan.com reposts the ministry's Chinese transcript of 3 November on the 4th, headlined with one of
    its answers; its note "(原标题:2025年11月3日外交部发言人毛宁主持例行记者会)" says what it is and which day."""
    held_out = EVAL.parent / "import-heldout5"
    english = eval_capture("501", held_out)  # the English transcript of 3 November, on an embassy's site
    import_ok(archive, english, "--url", eval_url(english))
    repost = eval_capture("503", held_out)
    result = import_ok(archive, repost, "--url", eval_url(repost))
    assert "under a title naming a briefing" in result.stderr
    assert sorted(p.name for p in (archive / "transcripts").glob("*.md")) == [
        "2025-11-03-cn-mfa-press-conference.en.md",
        "2025-11-03-cn-mfa-press-conference.zh.md",
    ]
    assert not (archive / "briefings" / "2025-11-04-cn-mfa-press-briefing.md").exists()
    chinese = front(archive / "transcripts" / "2025-11-03-cn-mfa-press-conference.zh.md")
    assert chinese["extra"]["title"] == "2025年11月3日外交部发言人毛宁主持例行记者会"  # not the repost's headline


def test_a_hosts_page_dated_by_its_url_that_matches_no_briefing_lists_the_hosts_briefings_before(archive):
    """The ministry's Russian transcript of 3 November, posted on the 5th and cut before its title: its
    briefing cannot be told, but the curator is shown the ministry's briefings of the days before."""
    held_out = EVAL.parent / "import-heldout5"
    english = eval_capture("501", held_out)
    import_ok(archive, english, "--url", eval_url(english))
    russian = eval_capture("502", held_out)
    result = import_ok(archive, russian, "--url", eval_url(russian))
    assert "its briefings of the 4 days before 2025-11-05 in the archive: 2025-11-03-cn-mfa-press-conference" in (
        " ".join(result.stderr.split())
    )


def test_an_articles_original_headline_is_kept_as_evidence_for_matching_it_again(archive, tmp_path):
    repost = tmp_path / "repost.txt"
    repost.write_text(
        "中方欢迎西班牙国王访华\n\n(原标题:2025年11月3日外交部发言人毛宁主持例行记者会)\n\n"
        "毛宁表示，这是费利佩六世国王登基以来首次对中国进行国事访问，具有重要意义。\n",
        encoding="utf-8",
    )
    import_ok(archive, repost, "--url", "https://example.org/news/1", "--date", "2025-11-04")
    [article] = (archive / "articles").rglob("*.md")
    head = front(article)
    assert head["extra"]["original_titles"] == ["2025年11月3日外交部发言人毛宁主持例行记者会"]
    assert "原标题" not in article.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert head["briefing"] == "2025-11-03-cn-mfa-press-conference"  # made on the day the original headline names


def test_two_copies_of_a_transcript_in_one_batch_make_one_file_and_the_batch_goes_on(archive, tmp_path):
    """The ministry's Chinese transcript of 6 February 2026 as reposted by office369 and by crntt, with its
    Spanish one: one Chinese transcript is kept, the other copy is reported, and the rest is imported."""
    held_out = EVAL.parent / "import-heldout6"
    captures = [eval_capture(n, held_out) for n in ("617", "618", "620")]
    urls = tmp_path / "urls.tsv"
    urls.write_text("".join(f"{c.name}\t{eval_url(c)}\n" for c in captures), encoding="utf-8")
    result = import_ok(archive, *captures, "--url-list", urls)
    assert sorted(p.name for p in (archive / "transcripts").glob("*.md")) == [
        "2026-02-06-cn-mfa-press-conference.es.md",
        "2026-02-06-cn-mfa-press-conference.zh.md",
    ]
    [skipped] = [line for line in result.stderr.splitlines() if line.endswith(": not imported")]
    assert "holds its zh transcript already" in result.stderr and "another copy" in result.stderr
    assert skipped.split("/")[-1].split(":")[0] not in (archive / "captures" / "SHA256SUMS").read_text(encoding="utf-8")
    # Alone, the other copy is not imported either, without an error; --force makes it the one held.
    other = next(c for c in captures[:2] if c.name in skipped)
    again = import_ok(archive, other, "--url", eval_url(other))
    assert "another copy" in again.stderr
    import_ok(archive, other, "--url", eval_url(other), "--force")
    assert (
        front(archive / "transcripts" / "2026-02-06-cn-mfa-press-conference.zh.md")["capture"]
        == f"captures/{other.name}"
    )


def test_speaker_labels_a_copy_lost_the_colons_of_are_put_back_and_said_so(archive):
    """reciyi.com sets the names in bold: its text reads "总台央视记者中方发布了..." and "郭嘉昆今年是..."."""
    mfa = host_with_id("cn-mfa")
    lost = "总台央视记者中方能否介绍？\n\nCCTV Can you share more?\n\n郭嘉昆今年是80周年。\n\nGuo Jiakun This year marks it."
    body, count = restored_labels(lost, mfa)
    assert count == 3 and body.split("\n\n") == [
        "总台央视记者：中方能否介绍？",
        "CCTV Can you share more?",  # not a name the table knows: it continues the question
        "郭嘉昆：今年是80周年。",
        "Guo Jiakun: This year marks it.",
    ]
    assert restored_labels("Q: When?\n\n郭嘉昆今年是80周年。", mfa) == (
        "Q: When?\n\n郭嘉昆今年是80周年。",
        0,
    )  # labelled
    assert restored_labels("Mao Ning said so.\n\nMao Ningxia is a place.", mfa)[1] == 0  # no question: untouched
    heading = "外交部发言人毛宁主持例行记者会\n\n总台央视记者中方能否介绍？\n\n毛宁这是首次访问。\n\n关于记者提到的问题，我们会发布消息。"
    assert restored_labels(heading, mfa)[0].split("\n\n") == [
        "外交部发言人毛宁主持例行记者会",  # a title naming the briefing, not a reporter's label
        "总台央视记者：中方能否介绍？",
        "毛宁：这是首次访问。",
        "关于记者提到的问题，我们会发布消息。",  # the answer goes on
    ]
    cut = "欢迎出席今年第一场例行记者会。\n\n深圳卫视记者沙特外交部发表声明。发言人有何评论?\n\nShenzhen TV Saudi Arabia's"
    assert restored_labels(cut, mfa) == (
        cut.replace("深圳卫视记者沙特", "深圳卫视记者：沙特"),
        1,
    )  # cut before the answer
    report = "毛宁表示，中方欢迎。\n\n新华社记者注意到这一情况。\n\nReporter Will he go?\n\nMao Ning said he will."
    assert restored_labels(report, mfa) == (report, 0)  # reported speech, not turns
    capture = eval_capture("603", EVAL.parent / "import-heldout6")
    result = import_ok(archive, capture, "--url", eval_url(capture))
    assert "speaker labels: 3 colons put back" in result.stderr
    [path] = (archive / "transcripts").glob("*.zh.md")
    assert "labels_restored" in front(path)["extra"] and "\n总台央视记者：中方发布了" in path.read_text(
        encoding="utf-8"
    )
    said = front(path)["extra"]["labels_restored"]
    named = re.findall(r"'([^']+)'", said.split("back, after ", 1)[1])
    text = path.read_text(encoding="utf-8")
    assert named and all(f"\n{name}：" in text or f"\n{name}: " in text for name in named), said  # those it restored


def test_no_capture_of_any_evaluation_set_is_read_as_a_transcript_unless_labelled_one():
    for labels_file in sorted(EVAL.parent.glob("import*/labels.yaml")):
        for label in yaml.safe_load(labels_file.read_text(encoding="utf-8"))["captures"]:
            found = read_capture(labels_file.parent / label["capture"])
            site = host_of(label["url"])
            reason = transcript_reason(
                [found.title, *found.original_titles], found.body, host_of_site(site), site, language=found.language
            )
            assert reason is None or label.get("transcript"), (label["capture"], reason)


def test_a_page_in_the_hosts_transcripts_section_is_its_transcript_and_makes_its_briefing(archive):
    """The ministry's English transcript of 9 February 2026, cut before its title and date: its URL's
    section (/eng/xw/fyrbt/lxjzh/, where the ministry posts its transcripts the day of the briefing) says
    what it is, and its date the URL's."""
    transcript = eval_capture("909", EVAL.parent / "import-heldout9")
    result = import_ok(archive, transcript, "--url", eval_url(transcript))
    assert "section of briefing transcripts (/eng/xw/fyrbt/lxjzh/)" in result.stderr
    assert (archive / "transcripts" / "2026-02-09-cn-mfa-press-conference.en.md").is_file()
    briefing = front(archive / "briefings" / "2026-02-09-cn-mfa-press-conference.md")
    assert briefing["spokesperson"] == "Lin Jian" and briefing["transcript_url"] == eval_url(transcript)
    # a translation elsewhere on the site, posted days later, makes no briefing on its URL's day
    french = eval_capture("619", EVAL.parent / "import-heldout6")
    later = import_ok(archive, french, "--url", eval_url(french))
    assert not (archive / "briefings" / "2026-02-08-cn-mfa-press-conference.md").exists(), later.stderr


def test_a_transcript_printing_no_date_is_matched_on_the_day_its_title_names(archive, tmp_path):
    text = eval_capture("001").read_text(encoding="utf-8")
    undated = tmp_path / "transcript.txt"
    undated.write_text("\n".join(line for line in text.split("\n") if "Updated:" not in line), encoding="utf-8")
    result = import_ok(archive, undated, "--url", "https://www.mfa.gov.cn/eng/xw/fyrbt/lxjzh/")  # no date in it
    assert "briefing day: 2025-12-10, as the transcript's title names it" in result.stderr
    [path] = (archive / "transcripts").glob("*.md")
    assert path.name == "2025-12-10-cn-mfa-press-conference.en.md" and "published" not in front(path)["extra"]


def test_a_spokespersons_written_answers_on_the_hosts_site_are_an_article_by_the_host(archive, tmp_path):
    remarks = tmp_path / "remarks.txt"
    remarks.write_text(
        "Foreign Ministry Spokesperson's Remarks on the Joint Statement of the Group of Friends\n\n"
        "Q: The group issued a joint statement yesterday. What is China's comment?\n\n"
        "A: China welcomes the joint statement and will work with all parties to uphold multilateralism.\n",
        encoding="utf-8",
    )
    result = import_ok(archive, remarks, "--url", "https://www.mfa.gov.cn/eng/xw/fyrbt/202512/t20251212_1.html")
    assert "transcript:" not in result.stderr and not (archive / "transcripts").exists()
    [article] = (archive / "articles").rglob("*.md")
    source = yaml.safe_load((archive / "sources" / f"{front(article)['source']}.yaml").read_text(encoding="utf-8"))
    assert source["name"] == "Ministry of Foreign Affairs of the People's Republic of China"
    assert "(named by the host table: mfa.gov.cn is its own site)" in result.stderr


def test_a_transcript_replaced_with_force_stays_valid_and_one_capture_is_never_two_files(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)  # the bundled archive: its 10 December transcript is transcripts/<id>.md
    capture, url = eval_capture("001"), eval_url(eval_capture("001"))
    refused = run_build("import", capture, "--url", url, "--content", content)
    held = content / "transcripts" / "2025-12-10-mfa-regular-press-conference.md"
    assert refused.returncode == 1 and f"{held} already holds the en transcript" in refused.stderr
    import_ok(content, capture, "--url", url, "--force")
    assert front(held)["language"] == "en" and front(held)["url"] == url
    build_ok("check", "--content", content, "--drafts")
    # The same capture as an article too: refused, naming the transcript it became.
    twice = run_build("import", capture, "--url", url, "--as", "article", "--content", content)
    assert twice.returncode == 1 and f"imported already, as the transcript {held}" in twice.stderr
    # A URL that is no URL is an error naming the field, not a traceback.
    bad = run_build("import", capture, "--url", "mfa.gov.cn/eng/x.html", "--force", "--content", content)
    assert bad.returncode == 1 and "url: " in bad.stderr and "Traceback" not in bad.stderr


def test_the_language_can_be_given_when_detection_is_wrong_or_unsure(archive):
    capture = eval_capture("016")
    bad = run_build("import", capture, "--url", eval_url(capture), "--language", "English", "--content", archive)
    assert bad.returncode == 1 and "--language: 'English' is not a language code" in bad.stderr
    import_ok(archive, capture, "--url", eval_url(capture), "--language", "en-GB")
    [article] = (archive / "articles").rglob("*.md")
    assert front(article)["language"] == "en-GB"


def test_three_answered_questions_on_the_hosts_site_make_a_transcript_and_one_does_not():
    def exchanges(count: int) -> str:
        askers = ("AFP", "CCTV", "Bloomberg")[:count]
        return "".join(
            f"{a}: What is China's comment on {a}'s question?\n\nLin Jian: China's position is clear.\n\n"
            for a in askers
        )

    mfa = host_of_site("mfa.gov.cn")
    assert "3 questions answered under speaker labels, on mfa.gov.cn" in str(
        transcript_reason([None], exchanges(3), mfa, "mfa.gov.cn")
    )
    assert transcript_reason(["Spokesperson's Remarks on the Statement"], exchanges(1), mfa, "mfa.gov.cn") is None
    # its translation, cut before its heading: one answer under the spokesperson's name, asked by an outlet
    spanish = eval_capture("602", EVAL.parent / "import-heldout6")
    body = read_capture(spanish).body
    assert "answered under the name of" in str(transcript_reason([None], body, mfa, "mfa.gov.cn", language="es"))
    unnamed = exchanges(3).replace("Lin Jian:", "Spokesperson:")
    assert transcript_reason([None], unnamed, None, "example.org") is None  # elsewhere, a title must say so ...


def test_a_copy_whose_answers_stand_under_the_spokespersons_name_is_a_transcript_of_that_hosts_briefing(archive):
    """pubt.io's copy of the ministry's transcript of 13 October 2025, its title lost under the platform's
    "Press release" stamp: "CCTV: ..." answered under "Lin Jian: ..." says what it is, and whose."""
    copy = eval_capture("1301", EVAL.parent / "import-heldout13")
    body = read_capture(copy).body
    assert (
        "answered under the name of Ministry of Foreign Affairs of the People's Republic of China's spokesperson"
        " Lin Jian" in str(transcript_reason([None], body, None, "pubt.io", language="en"))
    )
    # the same in a language the ministry posts no transcript in is an outlet's translation: coverage
    assert transcript_reason([None], body, None, "bolong.id", language="id") is None
    # under a headline of its own, an exchange pasted into a story (PTI's question, Mao Ning's answer)
    pti = "NEW DELHI: China said on Monday.\n\nPTI: Will India be consulted?\n\nMao Ning: The project is safe.\n\nIndia said."
    assert transcript_reason(["China rejects Indian concerns over dam"], pti, None, "siasat.com", language="en") is None
    result = import_ok(archive, copy, "--url", eval_url(copy))
    assert (archive / "transcripts" / "2025-10-13-cn-mfa-press-conference.en.md").is_file(), result.stderr
    assert front(archive / "briefings" / "2025-10-13-cn-mfa-press-conference.md")["spokesperson"] == "Lin Jian"
    # a story setting one exchange out under "Reporter:" is coverage still
    story = "Officials spoke.\n\nReporter: Will he go?\n\nLin Jian: Yes, he will.\n\nAnalysts said more."
    assert transcript_reason([None], story, None, "example.com", language="en") is None


def test_a_copy_under_the_title_the_ministry_gives_its_transcripts_is_a_transcript_whatever_its_labels():
    """reciyi.com's bilingual copy drops the colons after the speakers: its title alone says what it is."""
    body = "深圳卫视记者2025年12月30日,沙特外交部发表声明。发言人有何评论?\n\nShenzhen TV: On December 30, 2025, ..."
    title = "中英对照:2026年1月5日外交部发言人林剑主持例行记者会"
    assert "its title is the one Ministry of Foreign Affairs" in str(
        transcript_reason([title], body, None, "reciyi.com")
    )
    english = "Foreign Ministry Spokesperson Lin Jian’s Regular Press Conference on January 5, 2026"
    assert transcript_reason([english], body, None, "reciyi.com") is not None
    report = "1月9日,外交部发言人毛宁主持例行记者会。"  # a report's opening sentence: no year, no transcript
    assert transcript_reason([report], body, None, "cdsb.com") is None


def test_a_copy_that_says_it_is_a_briefings_questions_and_answers_and_holds_them_is_a_transcript():
    opening = "中評社香港2月24日電／2月24日，外交部發言人毛寧主持例行記者會，以下為答問內容。\n\n"
    exchange = "中新社記者：請問發言人對此有何評論？\n\n毛寧：中方歡迎。\n"
    assert "says the briefing's questions and answers follow, with 1 question" in str(
        transcript_reason([None], opening + exchange, None, "hk.crntt.com")
    )
    assert transcript_reason([None], opening + "毛寧表示，中方歡迎。\n", None, "hk.crntt.com") is None  # no turns
    story = "According to a transcript of the press briefing.\n\nReporter: Will he go?\n\nMao Ning: Yes.\n\nAnalysts said more."
    assert transcript_reason([None], story, None, "example.com") is None  # coverage quoting one exchange


def test_a_briefing_made_from_coverage_takes_its_transcripts_title_and_a_curated_title_stays(archive, tmp_path):
    """Jiji's report of 7 January 2026 makes the briefing; the ministry's transcript then names it."""
    held = EVAL.parent / "import-heldout3"
    urls = dict(line.split("\t") for line in (held / "urls.tsv").read_text(encoding="utf-8").splitlines())
    jiji, transcript = (next((held / "captures").glob(f"{n}_*.txt")) for n in ("319", "311"))
    for content in (archive, tmp_path / "curated"):
        if content != archive:
            shutil.copytree(CONTENT / "sources", content / "sources")
        import_ok(content, jiji, "--url", urls[f"captures/{jiji.name}"])
        [briefing] = (content / "briefings").glob("*.md")
        assert front(briefing)["title"].endswith("press conference, 7 January 2026")  # the importer's own
        if content != archive:
            briefing.write_text(briefing.read_text(encoding="utf-8").replace("press conference, 7", "briefing of 7"))
        result = import_ok(content, transcript, "--url", urls[f"captures/{transcript.name}"])
        fields = front(briefing)
        if content == archive:
            assert (
                fields["title"]
                == "Foreign Ministry Spokesperson Mao Ning’s Regular Press Conference on January 7, 2026"
            )
            assert fields["transcript_url"] == urls[f"captures/{transcript.name}"]
            assert "titled as its transcript is" in result.stderr + result.stdout
        else:
            assert fields["title"].endswith("briefing of 7 January 2026") and "transcript_url" not in fields


def test_a_transcript_page_without_its_title_gives_a_briefing_made_from_coverage_its_url(archive):
    """eval/coverage/cn-mfa-2026-02-12: Xinhua's story (on reportify.ai) makes the briefing; the ministry's
    English page, stored without its title, is its transcript: the briefing keeps its title and gets the URL."""
    raw = EVAL.parent / "coverage" / "cn-mfa-2026-02-12" / "raw"
    import_ok(archive, raw / "reportify-xinhua.txt", "--url", "https://reportify.ai/news/1219425313516294144")
    [briefing] = (archive / "briefings").glob("*.md")
    url = "https://www.mfa.gov.cn/eng/xw/fyrbt/lxjzh/202602/t20260212_11857764.html"
    result = import_ok(archive, raw / "mfa-gov-cn-en.txt", "--url", url)
    fields = front(briefing)
    assert fields["title"].endswith("press conference, 12 February 2026") and fields["transcript_url"] == url
    assert "its transcript's URL added" in result.stderr + result.stdout


def test_a_capture_cut_short_on_the_hosts_site_says_it_may_be_a_transcript(archive):
    """The Spanish transcript of 7 January 2026, posted on the 9th and cut after two questions."""
    held = EVAL.parent / "import-heldout3"
    [capture] = (held / "captures").glob("313_*.txt")
    url = dict(line.split("\t") for line in (held / "urls.tsv").read_text(encoding="utf-8").splitlines())[
        f"captures/{capture.name}"
    ]
    result = import_ok(archive, capture, "--url", url)
    said = result.stderr + result.stdout
    assert "2 answered questions under speaker labels: if it is a briefing's transcript" in said
    # tried as a transcript first, then imported as a draft: each step of the report said once
    assert said.count('date: 2026-01-09 from url "20260109"') == 1 and said.count("kind: ") == 1
    assert said.count("briefing: the text names none") == 1
    covered = import_ok(archive, eval_capture("005"), "--url", eval_url(eval_capture("005")))  # coverage elsewhere
    assert "answered question" not in covered.stderr + covered.stdout


def test_a_transcript_retitles_only_in_the_sites_language_and_keeps_the_rest_of_the_file(archive, tmp_path):
    held = EVAL.parent / "import-heldout3"
    urls = dict(line.split("\t") for line in (held / "urls.tsv").read_text(encoding="utf-8").splitlines())
    jiji, transcript = (next((held / "captures").glob(f"{n}_*.txt")) for n in ("319", "311"))
    spanish = tmp_path / "spanish"
    for content in (archive, spanish):
        if content == spanish:
            shutil.copytree(CONTENT / "sources", content / "sources")
        import_ok(content, jiji, "--url", urls[f"captures/{jiji.name}"])
    [briefing] = (archive / "briefings").glob("*.md")
    text = briefing.read_text(encoding="utf-8")
    curated = text.replace("spokesperson: Mao Ning\n", "spokesperson: Mao Ning  # checked\n")
    curated += "## Summary\n\n> Export controls are legal.\n\n---\n\nMore.\n"
    briefing.write_text(curated, encoding="utf-8")
    import_ok(archive, transcript, "--url", urls[f"captures/{transcript.name}"])
    after = briefing.read_text(encoding="utf-8")
    assert "Mao Ning’s Regular Press Conference on January 7, 2026" in after
    assert after.endswith("## Summary\n\n> Export controls are legal.\n\n---\n\nMore.\n") and "# checked" in after
    import_ok(spanish, transcript, "--url", urls[f"captures/{transcript.name}"], "--language", "es")
    [untouched] = (spanish / "briefings").glob("*.md")
    assert front(untouched)["title"].endswith("press conference, 7 January 2026")  # not the site's language


def test_a_transcript_whose_briefing_cannot_be_told_is_a_draft_to_place_and_the_batch_goes_on(archive, tmp_path):
    """infqj.com's undated Traditional Chinese copy of 30 September 2025, cut after one question."""
    held = EVAL.parent / "import-heldout2"
    [capture] = (held / "captures").glob("222_*.txt")
    urls = dict(line.split("\t") for line in (held / "urls.tsv").read_text(encoding="utf-8").splitlines())
    url = urls[f"captures/{capture.name}"]
    result = import_ok(archive, capture, "--url", url)
    assert (
        "delete this draft and import the capture again with --as transcript --briefing ID"
        in result.stderr + result.stdout
    )
    [draft] = (archive / "articles").rglob("*.md")
    assert "briefing" not in front(draft) and front(draft)["draft"] is True
    failed = run_build("import", capture, "--url", url, "--as", "transcript", "--init", "--content", tmp_path / "c")
    assert failed.returncode != 0 and "pass --briefing ID" in failed.stderr  # asked for, it still says why


def test_two_outlets_named_in_chinese_characters_are_two_sources(archive: Path, tmp_path: Path) -> None:
    # A name in CJK characters once squashed to nothing, so every such name was the first such source
    stories = {
        "one.txt": "毛宁说,中方将继续推进合作,这是外交部发言人在记者会上的表态。\n\n来源:长安街知事\n",
        "two.txt": "林剑表示,中方愿同各方一道努力,这是外交部发言人在记者会上的回应。\n\n来源:新京报\n",
    }
    for name, text in stories.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        import_ok(archive, tmp_path / name, "--url", f"https://example.com/{name}.html", "--date", "2026-01-09")
    names = sorted(yaml.safe_load(p.read_text(encoding="utf-8"))["name"] for p in (archive / "sources").glob("*.yaml"))
    assert "长安街知事" in names and "新京报" in names


def test_an_outlets_name_in_traditional_characters_or_full_width_letters_is_the_same_source(
    archive: Path, tmp_path: Path
) -> None:
    (archive / "sources" / "xinjingbao.yaml").write_text("name: 新京报\n", encoding="utf-8")
    (archive / "sources" / "cgtn-net.yaml").write_text("name: CGTN\n", encoding="utf-8")
    stories = {"one.txt": "新京報", "two.txt": "ＣＧＴＮ"}
    for name, outlet in stories.items():
        text = f"林剑表示,中方愿同各方一道努力,这是外交部发言人在记者会上的回应。\n\n来源:{outlet}\n"
        (tmp_path / name).write_text(text, encoding="utf-8")
        import_ok(archive, tmp_path / name, "--url", f"https://example.com/{name}.html", "--date", "2026-01-09")
    drafts = sorted((archive / "articles").rglob("*.md"))
    assert sorted(re.search(r"^source: (.*)$", d.read_text(encoding="utf-8"), re.M)[1] for d in drafts) == [
        "cgtn-net",
        "xinjingbao",
    ]


@pytest.mark.parametrize(
    "title",
    [  # the ministry's pages in Spanish, Russian and French, cut before the first answer
        "Conferencia de Prensa Habitual Ofrecida el 26 de Noviembre de 2025 por Mao Ning, Portavoz del Ministerio de"
        " Relaciones Exteriores",
        "Очередная пресс-конференция 24 ноября 2025 г. у официального представителя МИД КНР Мао Нин",
        "Conférence de presse du 23 septembre 2025 tenue par le porte-parole du ministère des Affaires étrangères Guo"
        " Jiakun",
    ],
)
def test_the_ministrys_own_title_in_other_languages_makes_a_transcript_before_any_answer(title: str) -> None:
    question = "Diario del Pueblo: El 25 de noviembre, el Gobierno japonés adoptó una declaración. ¿Qué opina?"
    reason = transcript_reason([title], question, host_of_site("mfa.gov.cn"), "mfa.gov.cn")
    assert reason is not None and "its title is the one" in reason


def test_a_bilingual_transcripts_title_in_its_other_language_is_kept_in_its_file(archive, tmp_path):
    """yuhaojiang.com's 中英对照 copy of 7 January 2026: the Chinese title above the English one, wrapped."""
    held = EVAL.parent / "import-heldout3"
    urls = dict(line.split("\t") for line in (held / "urls.tsv").read_text(encoding="utf-8").splitlines())
    jiji, english, bilingual = (next((held / "captures").glob(f"{n}_*.txt")) for n in ("319", "311", "312"))
    for capture in (jiji, english, bilingual):
        import_ok(archive, capture, "--url", urls[f"captures/{capture.name}"])
    extra = front(archive / "transcripts" / "2026-01-07-cn-mfa-press-conference.zh.md")["extra"]
    assert extra["title"] == "2026年1月7日外交部发言人毛宁主持例行记者会"
    assert extra["titles_in_other_languages"] == [
        "Foreign Ministry Spokesperson Mao Ning’s Regular Press Conference on January 7, 2026"
    ]
    result = run_build("build", "--content", archive, "--out", tmp_path / "site", "--no-search", "--drafts")
    assert result.returncode == 0, result.stderr  # (the build takes the new field in its stride)


# A mirror's copy: pinyin readings after the characters with several ("發(fā)言人"), three of them here.
MIRRORED_OPENING = (
    "外交部發(fā)言人郭嘉昆就菲律賓海警言論答記者問\n\n"
    "2026年1月29日,外交部發(fā)言人郭嘉昆主持例行記者會。有記者問及菲律賓海警有關發(fā)言人的言論。\n\n"
)


def test_a_mirrors_pinyin_readings_are_taken_out_of_the_draft_and_the_report_and_draft_say_so(archive, tmp_path):
    capture = tmp_path / "mirror.txt"
    capture.write_text(
        MIRRORED_OPENING + "郭嘉昆表示,我們此前已經(jīng)闡明中方立場并向菲方提出嚴正交涉,中方對此堅決反對。\n",
        encoding="utf-8",
    )
    result = import_ok(archive, capture, "--url", "https://mirror.example.cn/news/1.html")
    assert "4 pinyin readings that the page put after its characters taken out" in result.stdout + result.stderr
    [draft] = (archive / "articles").rglob("*.md")
    body = draft.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert front(draft)["extra"]["pinyin_readings_removed"] == 4
    assert "(fā)" not in body and "外交部發言人郭嘉昆主持例行記者會" in body
    assert (archive / "captures" / "mirror.txt").read_bytes() == capture.read_bytes()  # the capture keeps them
    assert "lost_characters" not in front(draft)["extra"]


def test_a_copy_printing_question_marks_for_characters_its_page_lost_is_flagged(archive, tmp_path):
    capture = tmp_path / "lossy.txt"
    capture.write_text(
        MIRRORED_OPENING + "郭嘉昆表示,這名發言人多次發表出格言論,嚴重?fù)p害中國國家利益,中方對此堅決反對。\n",
        encoding="utf-8",
    )
    result = import_ok(archive, capture, "--url", "https://mirror.example.cn/news/2.html")
    assert "1 character that the page lost printed as '?'" in result.stderr + result.stdout
    [draft] = (archive / "articles").rglob("*.md")
    assert front(draft)["extra"]["lost_characters"] == 1


def test_a_briefing_made_from_a_transcript_in_another_language_is_titled_in_the_sites(archive, tmp_path):
    """The ministry's Spanish transcript of 7 November 2025 (eval/import-heldout5), first into an English archive:
    its briefing is "... press conference, 7 November 2025", not Spanish on an English home page (a reader's
    review); the transcript keeps its own title."""
    held = EVAL.parent / "import-heldout5"
    urls = dict(line.split("\t") for line in (held / "urls.tsv").read_text(encoding="utf-8").splitlines())
    [capture] = (held / "captures").glob("517_*.txt")
    import_ok(archive, capture, "--url", urls[f"captures/{capture.name}"])
    [briefing] = (archive / "briefings").glob("*.md")
    assert front(briefing)["title"].endswith("press conference, 7 November 2025")
    [transcript] = (archive / "transcripts").glob("*.es.md")
    assert "Conferencia" in front(transcript)["extra"]["title"]


def test_the_review_table_says_why_a_capture_has_no_briefing_and_never_that_a_later_one_gave_it_one(archive, tmp_path):
    """A reader's review: a row read "none (joined when a later capture of the batch matched it)"."""
    off_topic = tmp_path / "weather.txt"
    off_topic.write_text(
        "Storms expected over the weekend\n\nHeavy rain and strong winds are forecast for the coast on Saturday, the"
        " weather office said, advising residents to stay indoors.\n",
        encoding="utf-8",
    )
    urls = tmp_path / "urls.tsv"
    urls.write_text(f"{off_topic.name}\thttps://weather.example.org/storms.html\n", encoding="utf-8")  # no date
    result = import_ok(archive, ZT, off_topic, "--url-list", urls)
    rows = [row.split(" | ") for row in result.stderr.split("Review (2 captures):\n")[1].splitlines()[2:4]]
    why = {row[0].removeprefix("| "): row[5] for row in rows}
    assert why["weather.txt"].startswith("none (") and "joined when a later capture" not in why["weather.txt"]


def test_a_story_quoting_someone_and_the_spokesperson_with_verbs_of_saying_is_no_transcript():
    """HK01 of 25 September 2025 (heldout28's 2802), headline lost: "石破茂表示：「…」" and "郭嘉昆說：" are a story's
    quotations; a transcript's turns are labelled by who speaks, with no verb."""
    story = (
        "中國外交部發言人24日（周三）表示，中方注意到石破茂的演講。\n\n"
        "石破茂表示：「安理會常任理事國正公開發出核威脅。」\n\n日本強烈呼籲國際社會秉持對話與合作的精神。\n\n"
        "郭嘉昆說：「以正確態度認識和對待歷史，是日本戰後重返國際社會的重要前提。」"
    )
    assert transcript_reason([None], story, None, "hk01.com", language="zh") is None
    turns = story.replace("石破茂表示：", "日本共同社記者：").replace("郭嘉昆說：", "郭嘉昆：")
    assert transcript_reason([None], turns, None, "hk01.com", language="zh") is not None


def test_a_title_label_before_the_headline_is_not_part_of_the_title(tmp_path):
    """stutimes.com (heldout30's 3017): "标题:外交部回应中国春节出境游首选韩国"."""
    from pressarchive.importer.metadata import read_capture

    capture = tmp_path / "stutimes.txt"
    capture.write_text(
        "标题:外交部回应中国春节出境游首选韩国\n\n外交部发言人林剑2日在例行记者会上表示，欢迎中国游客前往各国旅游。\n",
        encoding="utf-8",
    )
    assert read_capture(capture).title == "外交部回应中国春节出境游首选韩国"


def test_the_hosts_english_transcript_outside_its_section_is_that_days_briefings_but_a_later_translation_is_not(
    archive,
):
    """The ministry's English transcript of 16 October 2025 under /eng/xw/fyrbt/202510/ (heldout6's 606), cut to
    "Xinhua News Agency: ... Lin Jian: ...": English is posted the day of the briefing, so its answers' labels say
    whose briefing it is, on its URL's day; the French translation posted two days later still makes none."""
    transcript = eval_capture("606", EVAL.parent / "import-heldout6")
    result = import_ok(archive, transcript, "--url", eval_url(transcript))
    assert (archive / "transcripts" / "2025-10-16-cn-mfa-press-conference.en.md").is_file(), result.stderr
    french = eval_capture("619", EVAL.parent / "import-heldout6")
    later = import_ok(archive, french, "--url", eval_url(french))
    assert not (archive / "briefings" / "2026-02-08-cn-mfa-press-conference.md").exists(), later.stderr


def test_a_capture_imported_again_is_not_matched_against_its_own_old_copy(archive):
    """A user's re-import with --force (2026-12-08) was scored 1.0 "via" the very file it replaces."""
    [first] = [line for line in import_ok(archive, ZT).stdout.splitlines() if "/articles/" in line]
    forced = import_ok(archive, ZT, "--force")
    assert first in forced.stdout
    assert "via article articles/" not in forced.stderr and "score 1.0 " not in forced.stderr
    assert "briefing: 2025-12-10-" in forced.stderr  # (its briefing, found again on the evidence the archive holds)


def test_a_time_in_an_ambiguous_zone_is_kept_without_it_and_the_curator_is_told(archive, tmp_path):
    """Devdiscourse prints "Updated: 10-11-2025 13:19 IST" (a user's import, 2026-12-08): IST is India's,
    Ireland's or Israel's; the draft keeps 13:19 without a zone and the report says which it may be."""
    capture = tmp_path / "devdiscourse.txt"
    capture.write_text(
        "China lodges protest with Japan\n\nDevdiscourse News Desk | Beijing | Updated: 10-11-2025 13:19 IST\n\n"
        "China has lodged strong protests with Japan, foreign ministry spokesperson Lin Jian said on Monday at a"
        " regular press conference in Beijing, following comments by Japan's prime minister.\n",
        encoding="utf-8",
    )
    result = import_ok(archive, capture, "--url", "https://www.devdiscourse.com/article/politics/3700000-china")
    assert "date: 2025-11-10T13:19 from text" in result.stderr
    assert "the capture gives the time in IST, which names more than one zone" in result.stderr
    [draft] = (archive / "articles").rglob("*.md")
    assert yaml.safe_load(draft.read_text(encoding="utf-8").split("---")[1])["date"] == "2025-11-10T13:19"


def test_a_transcript_cut_after_its_last_question_is_held_in_part():
    """The ministry's English page of 26 January 2026 (a user's import) ended "... What is China's comment?" then
    "Guo Ji": the page said whether it was complete was not stated."""
    answered = "AFP: What is your comment?\n\nGuo Jiakun: China is firmly opposed."
    assert unanswered(answered) is None
    cut = answered + "\n\nCCTV: Voting for the third phase has concluded. What is China's comment?\n\nGuo Ji"
    assert unanswered(cut) == "has concluded. What is China's comment? Guo Ji"  # (its last eight words)
    assert (
        unanswered(answered + "\n\nCCTV: What is China's comment?")
        == "is firmly opposed. CCTV: What is China's comment?"
    )
    assert unanswered(answered + "\n\nCCTV: What is China's comment?\n\nGuo Jiakun: We have noted it.") is None


def test_a_capture_under_the_threshold_is_told_its_nearest_briefing_and_its_addresss_headline(tmp_path):
    """A curator's import of Namaste Headlines' radar story into the bundled archive: the review scored the 10 December
    briefing 0.31, then said "the text matches none"; the headline its address spells went unmentioned."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    capture = eval_capture("003")
    result = run_build("import", capture, "--url", eval_url(capture), "--content", content, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "briefing: none (the best candidate, 2025-12-10-mfa-regular-press-conference, scores" in result.stderr
    assert "pass --briefing 2025-12-10-mfa-regular-press-conference if it reports that briefing" in result.stderr
    assert "the address reads “china blames japan for radar illumination stunt”" in result.stderr
