"""The coverage analysis on real builds: a labelled briefing from eval/coverage, its data, its pages."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import CONTENT, ROOT, build_ok, parse, serve_folder, write_files
from test_accessibility import axe_violations

EVAL = ROOT / "eval" / "coverage" / "cn-mfa-2025-06-27"
SCHEMA = json.loads((ROOT / "docs" / "coverage.schema.json").read_text(encoding="utf-8"))
BRIEFING = "2025-06-27-mfa"
ARTICLE = (
    "---\ntitle: {title}\nsource: {source}\ndate: 2025-06-27\nbriefing: {briefing}\nlanguage: {language}\n---\n{body}\n"
)


def plain_markdown(text: str) -> str:
    """A capture's lines as Markdown paragraphs that render to the same words."""
    return "\n\n".join(re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", line.strip()) for line in text.split("\n") if line.strip())


def labelled_archive(root: Path) -> tuple[Path, dict]:
    """The 27 June 2025 briefing: its English and Chinese transcripts and its labelled articles."""
    labels = yaml.safe_load((EVAL / "labels.yaml").read_text(encoding="utf-8"))
    files: dict[str, str | bytes] = {
        f"briefings/{BRIEFING}.md": "---\ntitle: Press conference, 27 June 2025\ndate: 2025-06-27\n"
        "host: Ministry of Foreign Affairs\nspokesperson: Guo Jiakun\n---\n",
        f"transcripts/{BRIEFING}.en.md": "---\ncomplete: false\nurl: https://www.mfa.gov.cn/eng/t1.html\n---\n"
        + (EVAL / "transcript.en.txt").read_text(encoding="utf-8"),
        f"transcripts/{BRIEFING}.zh.md": "---\ncomplete: false\nurl: https://www.example.com/copy.html\n"
        "extra:\n  copy_found_at: example.com\n---\n" + (EVAL / "transcript.zh.txt").read_text(encoding="utf-8"),
    }
    for article in labels["articles"]:
        name = Path(article["file"]).stem
        files[f"sources/{name}.yaml"] = f"name: {json.dumps(article['outlet'])}\n"
        body = plain_markdown((EVAL / article["file"]).read_text(encoding="utf-8"))
        values = {"title": name, "source": name, "briefing": BRIEFING, "language": article["language"], "body": body}
        files[f"articles/{name}.md"] = ARTICLE.format(**values)
    return write_files(root / "content", files), labels


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("coverage")
    content, labels = labelled_archive(root)
    build_ok("--content", content, "--out", root / "site", "--no-search", "--base-url", "https://example.org/")
    return root / "site", labels


def coverage_of(site: Path, briefing: str = BRIEFING) -> dict:
    return json.loads((site / "briefings" / briefing / "coverage.json").read_text(encoding="utf-8"))


def test_coverage_json_follows_its_schema(built: tuple[Path, dict], bundled_site: Path) -> None:
    jsonschema.validate(coverage_of(built[0]), SCHEMA)
    jsonschema.validate(coverage_of(bundled_site, "2025-12-10-mfa-regular-press-conference"), SCHEMA)


def test_schema_rejects_what_the_build_must_never_write(built: tuple[Path, dict]) -> None:
    data = coverage_of(built[0])
    data["articles"][0]["transcript_passages"].append(
        {"span": [0], "item": 0, "transcript_span": [0, 1], "method": "guess", "score": 1}
    )
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_offsets_point_at_the_text_they_describe(built: tuple[Path, dict]) -> None:
    data = coverage_of(built[0])
    transcripts = {t["language"]: t["text"] for t in data["transcripts"]}
    for article in data["articles"]:
        for quote in article["quotes"]:
            assert article["text"][quote["span"][0] : quote["span"][1]] == quote["text"]
        for passage in article["transcript_passages"]:
            said = transcripts[article["transcript_language"]]
            assert 0 <= passage["transcript_span"][0] < passage["transcript_span"][1] <= len(said)
            assert 0 <= passage["span"][0] < passage["span"][1] <= len(article["text"])


def test_english_articles_report_the_labelled_items(built: tuple[Path, dict]) -> None:
    site, labels = built
    found = {Path(a["slug"]).name: a for a in coverage_of(site)["articles"]}
    for article in labels["articles"]:
        if article["language"] == "en":
            expected = sorted(int(key[1:]) for key in article["reports"])
            assert found[Path(article["file"]).stem]["items"] == expected, article["file"]


def test_briefing_page_shows_items_reporters_and_the_matrix(built: tuple[Path, dict]) -> None:
    page = parse(built[0] / "briefings" / BRIEFING / "index.html")
    item = page.find(id="item-2")
    assert item.h4.get_text() == "Q&A 2 (asked by CCTV)"
    reporters = [a.get_text() for a in item.select(".reported a")]
    assert "Pakistan Today" in reporters and "AFP" not in reporters
    for link in item.select(".reported a"):
        slug, anchor = link["href"].split("/")[-2], link["href"].split("#")[1]
        assert parse(built[0] / "articles" / slug / "index.html").find(id=anchor) is not None
    english, chinese = page.select("table.matrix")  # one per transcript, each with the articles compared with it
    assert "(English)" in english.caption.get_text() and "(Chinese)" in chinese.caption.get_text()
    rows = {r.th.get_text(): r for r in english.select("tbody tr")}
    assert [td["class"] for td in rows["AFP"].select("td")] == [["yes"], ["no"]]
    # an article in a language no transcript is in is named under the matrices, with its language
    assert "People's Daily Online (German edition)" not in rows
    not_compared = page.select_one("p.not-compared")
    assert "People's Daily Online (German edition) (German)" in [a.get_text() for a in not_compared.select("a")]
    assert "CCTV News client (央视新闻客户端)" not in rows
    chinese_rows = {r.th.get_text(): r for r in chinese.select("tbody tr")}
    cctv = chinese_rows["CCTV News client (央视新闻客户端)"]  # compared with the Chinese transcript: its cells there
    assert cctv.select("td") and all(td["class"] in (["yes"], ["no"]) for td in cctv.select("td"))
    assert len({m["aria-labelledby"] for m in page.select(".matrix-wrap")}) == 2  # ids stay unique
    # each column says which item it is (a reader's review: "1", "2" told nothing), and a key says what marks mean
    column = english.select("thead th a")[1]
    assert column["title"] == "Q&A 2 (asked by CCTV)" and column["aria-label"] == "Item 2: Q&A 2 (asked by CCTV)"
    assert english.find_parent("div").find_next_sibling("p")["class"] == ["matrix-key"]
    fact = page.select_one("dl.facts dt:-soup-contains('Transcript') + dd")  # not "not recorded": the archive holds two
    assert [(a.get_text(), a["href"]) for a in fact.select("a")] == [
        ("English", "#transcript-en"),
        ("Chinese", "#transcript-zh"),
    ]
    assert all(page.find(id=a["href"][1:]) for a in fact.select("a"))


def test_article_marks_its_passages_and_links_them_to_items(built: tuple[Path, dict]) -> None:
    page = parse(built[0] / "articles" / "pakistantoday" / "index.html")
    marks = page.select("div.body mark.passage")
    assert marks and marks[0]["id"] == "passage-1"
    references = {a["href"].split("#")[1] for a in page.select("div.body a.passage-ref")}
    assert references == {"item-1", "item-2"}
    assert all(a.has_attr("data-pagefind-ignore") for a in page.select("a.passage-ref"))


def test_article_in_a_language_without_transcript_says_so(built: tuple[Path, dict]) -> None:
    page = parse(built[0] / "articles" / "german-people-cn" / "index.html")
    assert "no transcript of this briefing in German" in page.select_one("aside.analysis .note").get_text()
    assert not page.select("mark.passage")


def test_quotes_are_listed_with_their_status(built: tuple[Path, dict]) -> None:
    page = parse(built[0] / "articles" / "lbcgroup-afp" / "index.html")
    quotes = {q.q.get_text(): q.select_one(".status").get_text() for q in page.select("ul.quotes > li")}
    assert (
        "exact: its words stand in the transcript as quoted"
        in page.select_one("ul.quotes").find_previous("p").get_text()
    )
    assert (
        quotes["While in Brussels, Wang Yi will meet and have talks with Belgium's Prime Minister Bart De Wever"]
        == "exact"
    )


@pytest.mark.parametrize(
    ("complete", "said"),
    [
        ("complete: true\n", "not in the transcript"),
        ("complete: false\n", "not in the part of the transcript held"),
        ("", "not in the transcript held (whether it is complete is not stated)"),
    ],
)
def test_a_quote_not_found_is_called_a_possible_misquote_only_against_a_whole_transcript(
    tmp_path: Path, complete: str, said: str
) -> None:
    """A reader's review: quotes were flagged "not in the transcript" against a copy that ends on a question."""
    story = 'Mao Ning said: "We will never accept any attempt to split the country from the motherland."'
    content = write_files(
        tmp_path / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "briefings/b.md": "---\ntitle: B\ndate: 2025-06-27\n---\n",
            "transcripts/b.en.md": f"---\n{complete}---\nAFP: What is your comment?\n\nMao Ning: We noted the reports.\n",
            "articles/a.md": ARTICLE.format(title="a", source="wire", briefing="b", language="en", body=story),
        },
    )
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    page = parse(tmp_path / "site" / "articles" / "a" / "index.html")
    [status] = page.select("ul.quotes > li .status")
    assert status.get_text() == said and status["class"][1] == "status-" + said.split(" (")[0].replace(" ", "-")


def test_a_quote_repeated_is_listed_once_and_a_reworded_quotes_differences_read_plainly(tmp_path: Path) -> None:
    """A user's review of UDN's page (14 November 2025): "無核三原則" listed three times, a reworded quote's
    difference shown as "transcript: (nothing) quote: 的", and the passage's reference inside 「」."""
    story = (
        "林劍說，日方對「無核三原則」表態模糊。他又提到「無核三原則」和「無核三原則」。"
        "被問及「中方對近期日本的一系列軍事安全動向有何評論」時，林劍回應。"
    )
    content = write_files(
        tmp_path / "content",
        {
            "sources/udn.yaml": "name: UDN\n",
            "briefings/b.md": "---\ntitle: B\ndate: 2025-11-14\n---\n",
            "transcripts/b.zh.md": "---\ncomplete: true\n---\n总台央视记者：日方对无核三原则表态模糊。"
            "中方对近期日本一系列军事安全动向有何评论？\n\n林剑：中方对日方近期的军事安全动向感到严重关切。\n",
            "articles/a.md": ARTICLE.format(title="a", source="udn", briefing="b", language="zh", body=story),
        },
    )
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    page = parse(tmp_path / "site" / "articles" / "a" / "index.html")
    listed = [li.get_text(" ", strip=True) for li in page.select("ul.quotes > li")]
    assert [q for q in listed if q.startswith("無核三原則")] == [next(q for q in listed if "3 times" in q)]
    [difference] = page.select("ul.differences > li")
    assert difference.get_text() == "added in the quote: 的"
    assert "(nothing)" not in page.get_text()


def test_a_briefing_covered_all_on_one_day_says_the_day_once(tmp_path: Path) -> None:
    content = write_files(
        tmp_path / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "sources/paper.yaml": "name: Paper\n",
            "briefings/b.md": "---\ntitle: B\ndate: 2025-11-14\n---\n",
            "articles/a.md": ARTICLE.format(title="a", source="wire", briefing="b", language="en", body="One."),
            "articles/c.md": ARTICLE.format(title="c", source="paper", briefing="b", language="en", body="Two."),
        },
    )
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    page = parse(tmp_path / "site" / "briefings" / "b" / "index.html")
    published = page.select_one(".glance dt:-soup-contains('Published') + dd").get_text()
    assert published == "27 June 2025, each of them"  # (not "first 27 June 2025, last 27 June 2025")


def test_articles_in_no_transcripts_language_are_named_though_no_matrix_is_drawn(tmp_path: Path) -> None:
    """A user's briefing held Spanish and French transcripts only: its Arabic and Korean articles were said nowhere."""
    content = write_files(
        tmp_path / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "sources/paper.yaml": "name: Paper\n",
            "briefings/b.md": "---\ntitle: B\ndate: 2025-06-27\n---\n",
            "transcripts/b.es.md": "---\ncomplete: true\n---\nAFP: ¿Algún comentario?\n\nGuo Jiakun: China se opone.\n",
            "articles/a.md": ARTICLE.format(title="a", source="wire", briefing="b", language="ar", body="قال المتحدث."),
            "articles/c.md": ARTICLE.format(
                title="c", source="paper", briefing="b", language="ko", body="대변인이 말했다."
            ),
        },
    )
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    page = parse(tmp_path / "site" / "briefings" / "b" / "index.html")
    assert page.select("table.matrix") == [] and page.select("p.matrix-none") == []
    assert [a.get_text() for a in page.select("p.not-compared a")] == ["Wire (Arabic)", "Paper (Korean)"]


def test_an_article_repeating_the_transcripts_heading_reports_no_item_for_it(tmp_path: Path) -> None:
    """China Review's copy opens "中評社北京2月6日電／據外交部網站：2026年2月6日外交部發言人林劍主持例行記者會。全文如下：";
    an article opening "2月6日,外交部发言人林剑主持例行记者会。" had been marked as reporting the last item (a user's review)."""
    heading = (
        "中評社北京2月6日電／據外交部網站：2026年2月6日外交部發言人林劍主持例行記者會並回答中外記者提問。全文如下："
    )
    transcript = (
        f"{heading}\n\n路透社記者：中方是否考慮與立陶宛恢復全面外交關係？\n\n林劍：中方同立方溝通的大門始終敞開。\n\n"
        "彭博社記者：外交部對日本選舉有何評論？\n\n林劍：選舉是日本內政，我不予評論。\n"
    )
    story = "2月6日,外交部发言人林剑主持例行记者会并回答中外记者提问。有记者问中方是否考虑与立陶宛恢复全面外交关系。"
    content = write_files(
        tmp_path / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "briefings/b.md": "---\ntitle: B\ndate: 2026-02-06\n---\n",
            "transcripts/b.zh.md": f"---\ncomplete: true\n---\n{transcript}",
            "articles/a.md": ARTICLE.format(title="a", source="wire", briefing="b", language="zh", body=story),
        },
    )
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    found = coverage_of(tmp_path / "site", "b")["articles"][0]
    assert 2 not in found["items"] and all(p["item"] != 2 for p in found["transcript_passages"])


def test_the_roster_names_outlets_of_the_hosts_briefings_of_the_month_before_only(tmp_path: Path) -> None:
    """Users' reviews: a briefing listed as "silent" outlets whose only coverage of the host was ten months earlier."""
    briefing = "---\ntitle: {t}\ndate: {d}\nhost: Ministry of Examples\n---\n"
    article = "---\ntitle: {t}\nsource: {s}\ndate: {d}\nbriefing: {b}\n---\nText.\n"
    files: dict[str, str | bytes] = {f"sources/{s}.yaml": f"name: {s.title()}\n" for s in ("old", "recent", "wire")}
    for b, d in (("b-april", "2025-04-03"), ("b-jan", "2026-01-20"), ("b-feb", "2026-02-06")):
        files[f"briefings/{b}.md"] = briefing.format(t=b, d=d)
    for n, (s, b, d) in enumerate(
        [("old", "b-april", "2025-04-03"), ("recent", "b-jan", "2026-01-20"), ("wire", "b-feb", "2026-02-06")]
    ):
        files[f"articles/a{n}.md"] = article.format(t=f"a{n}", s=s, d=d, b=b)
    build_ok("--content", write_files(tmp_path / "content", files), "--out", tmp_path / "site", "--no-search")
    page = parse(tmp_path / "site" / "briefings" / "b-feb" / "index.html")
    assert [a.get_text() for a in page.select("#silent + p a")] == ["Recent"]


def test_a_quote_running_past_a_cut_transcript_is_said_to_be_partly_in_it(tmp_path: Path) -> None:
    story = 'Lin Jian said: "We urge Japan to reflect on its history of aggression and stop provoking its neighbours."'
    content = write_files(
        tmp_path / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "briefings/b.md": "---\ntitle: B\ndate: 2025-11-14\n---\n",
            "transcripts/b.en.md": "---\ncomplete: false\n---\nCCTV: Any comment?\n\nLin Jian: We urge Japan to reflect on its hist\n",
            "articles/a.md": ARTICLE.format(title="a", source="wire", briefing="b", language="en", body=story),
        },
    )
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    page = parse(tmp_path / "site" / "articles" / "a" / "index.html")
    [quote] = page.select("ul.quotes > li")
    assert quote.select_one(".status").get_text() == "partly in the transcript held, which stops within the quote"
    assert quote.select_one("a")["href"] == "/briefings/b/#item-1"
    data = coverage_of(tmp_path / "site", "b")
    assert [q["status"] for q in data["articles"][0]["quotes"]] == ["partly in the transcript"]
    jsonschema.validate(data, SCHEMA)


def test_no_transcript_and_single_article_say_what_could_not_be_compared(tmp_path: Path) -> None:
    content = write_files(
        tmp_path / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "briefings/b.md": "---\ntitle: B\ndate: 2025-01-02\n---\n",
            "articles/a.md": ARTICLE.format(title="A", source="wire", briefing="b", language="en", body="Text."),
        },
    )
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    note = parse(tmp_path / "site" / "briefings" / "b" / "index.html").select_one(".analysis .note").get_text()
    assert "no transcript" in note and "only one article" in note


def test_articles_sharing_only_a_briefings_formulaic_opening_share_no_text(tmp_path: Path) -> None:
    """Two Chinese reports that open alike ("12月10日，外交部发言人郭嘉昆主持例行记者会。") and go on
    differently copy nothing from each other; a third that repeats a report's own sentence does."""
    lead = "12月10日，外交部发言人郭嘉昆主持例行记者会。"
    bodies = {
        "a": lead + "有记者就人权日提问，发言人介绍了中方推进人权事业的进展和做法。",
        "b": lead + "彭博社记者问及中俄联合空中战略巡航，发言人说这是年度合作计划内的安排。",
        "c": "据报道，有记者就人权日提问，发言人介绍了中方推进人权事业的进展和做法。",
    }
    files: dict[str, str | bytes] = {
        "sources/wire.yaml": "name: Wire\n",
        "briefings/b.md": "---\ntitle: B\ndate: 2025-06-27\n---\n",
    }
    for name, body in bodies.items():
        files[f"articles/{name}.md"] = ARTICLE.format(title=name, source="wire", briefing="b", language="zh", body=body)
    content = write_files(tmp_path / "content", files)
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    sharing = {a["slug"]: {s["other"] for s in a["sharing"]} for a in coverage_of(tmp_path / "site", "b")["articles"]}
    assert "b" not in sharing["a"] and "a" not in sharing["b"]
    assert "c" in sharing["a"] and "a" in sharing["c"]


def test_a_bilingual_transcript_answers_for_its_translations_language(tmp_path: Path) -> None:
    """A repost of the ministry's transcript with each turn followed by its English ("中英对照"), held as
    the Chinese transcript: English coverage is aligned with its English turns, not left aside."""
    turns = (
        "法新社记者：据报道，一名中国教授在法国被拘。中方对此有何评论？\n\n"
        "AFP: A Chinese professor has reportedly been detained in France. What is China's comment?\n\n"
        "毛宁：我们注意到有关报道。中方一贯要求中国公民遵守所在国法律，也要求各国保障中国公民的合法权益。\n\n"
        "Mao Ning: We noted the reports. China always asks its citizens abroad to abide by local laws and asks "
        "other countries to protect the lawful rights and interests of Chinese citizens in accordance with law.\n"
    )
    story = (
        "Beijing on Thursday responded to the detention. China always asks its citizens abroad to abide by local"
        " laws and asks other countries to protect the lawful rights and interests of Chinese citizens, Mao Ning said."
    )
    content = write_files(
        tmp_path / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "briefings/b.md": "---\ntitle: B\ndate: 2025-06-27\nspokesperson: Mao Ning\n---\n",
            "transcripts/b.zh.md": f"---\nurl: https://www.example.com/copy.html\n---\n{turns}",
            "articles/en.md": ARTICLE.format(title="en", source="wire", briefing="b", language="en", body=story),
            "articles/fr.md": ARTICLE.format(
                title="fr", source="wire", briefing="b", language="fr", body="Pékin a réagi jeudi à la détention."
            ),
        },
    )
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    found = {a["slug"]: a for a in coverage_of(tmp_path / "site", "b")["articles"]}
    assert found["en"]["transcript_status"] == "aligned" and found["en"]["items"] == [1]
    assert found["fr"]["transcript_status"] == "other language"  # the copy holds no French
    page = parse(tmp_path / "site" / "briefings" / "b" / "index.html")
    assert page.select_one("#transcript-zh").get_text() == "Transcript (Chinese and English)"
    said = page.select_one(".transcript > .meta").get_text()
    assert "1 article of this briefing is in another language and not compared with this transcript." in said
    # one English statement quoted in a question is no translation: the transcript stays Chinese only
    statement = (
        "The Secretary-General is deeply concerned by the escalation and calls on all parties to exercise maximum"
        " restraint, to protect civilians and to resolve their differences through dialogue in full respect of"
        " the Charter of the United Nations and international law."
    )
    quoting = f"法新社记者：秘书长昨天发表声明，原文如下：\n\n{statement}\n\n中方对此有何评论？\n\n毛宁：我们注意到有关声明。\n"
    transcript = content / "transcripts" / "b.zh.md"
    transcript.write_text(f"---\nurl: https://www.example.com/copy.html\n---\n{quoting}", encoding="utf-8")
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    found = {a["slug"]: a for a in coverage_of(tmp_path / "site", "b")["articles"]}
    assert found["en"]["transcript_status"] == "other language"
    page = parse(tmp_path / "site" / "briefings" / "b" / "index.html")
    assert "2 articles of this briefing are in another language" in page.select_one(".transcript > .meta").get_text()
    # never "not reported" where nothing was compared with the transcript: said once, above its items
    assert not page.select(".transcript .reported")
    assert page.select_one(".transcript > .note").get_text() == (
        "No article of this briefing is compared with this transcript: none is in its language."
    )


def test_an_edit_realigns_only_its_briefing(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"sources/wire.yaml": "name: Wire\n"}
    for name in ("one", "two"):
        files[f"briefings/{name}.md"] = f"---\ntitle: {name}\ndate: 2025-01-02\n---\n"
        for n in range(3):
            body = f"Story {n} about briefing {name}: the minister said the talks went well."
            files[f"articles/{name}-{n}.md"] = ARTICLE.format(
                title=f"Story {n}", source="wire", briefing=name, language="en", body=body
            )
    content = write_files(tmp_path / "content", files)
    first = build_ok("--content", content, "--out", tmp_path / "site", "--no-search", cwd=tmp_path)
    assert "aligned the coverage of 2 of 2 briefings" in first.stderr
    (content / "articles" / "two-1.md").write_text(
        ARTICLE.format(
            title="Story 1",
            source="wire",
            briefing="two",
            language="en",
            body="Edited. Story 1 about briefing two: the minister said the talks went well.",
        )
    )  # still sharing a passage with the others, so coverage.json gives its text
    again = build_ok("--content", content, "--out", tmp_path / "site", "--no-search", cwd=tmp_path)
    assert "aligned the coverage of 1 of 2 briefings" in again.stderr
    assert "Edited." in coverage_of(tmp_path / "site", "two")["articles"][1]["text"]


HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> \u202egnp.exe \u2066isolated\u2069"


def test_hostile_quotes_and_transcripts_render_as_text(tmp_path: Path) -> None:
    long_quote = "word " * 2000  # a 10,000-character "quote"
    body = f'He said "{HOSTILE} and more words here". Also "{long_quote}". And «{HOSTILE} encore» then 「{HOSTILE}」.'
    content = write_files(
        tmp_path / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "briefings/b.md": "---\ntitle: B\ndate: 2025-01-02\nspokesperson: Ann\n---\n",
            "transcripts/b.en.md": f"---\nnote: '{HOSTILE}'\n---\nQ: {HOSTILE} and more words here?\n\nAnn: {HOSTILE} and more words here. {long_quote}\n",
            "articles/a.md": ARTICLE.format(title="A", source="wire", briefing="b", language="en", body=body),
            "articles/c.md": ARTICLE.format(title="C", source="wire", briefing="b", language="en", body=body),
        },
    )
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    for path in (tmp_path / "site").rglob("*.html"):
        page = parse(path)
        assert not [s for s in page.find_all("script") if s.get("type") != "application/ld+json" and not s.get("src")]
        assert not [tag for tag in page.find_all(True) if any(a.startswith("on") for a in tag.attrs)], path
    article = parse(tmp_path / "site" / "articles" / "a" / "index.html")
    assert "<script>alert(1)</script>" in article.select_one("ul.quotes").get_text()
    data = coverage_of(tmp_path / "site", "b")
    assert {q["status"] for q in data["articles"][0]["quotes"]} >= {"exact"}
    jsonschema.validate(data, SCHEMA)


def test_the_bundled_briefing_shows_the_transcript_it_holds(bundled_site: Path) -> None:
    page = parse(bundled_site / "briefings" / "2025-12-10-mfa-regular-press-conference" / "index.html")
    assert page.find(id="item-2").h4.get_text() == "Q&A 2 (asked by Beijing Youth Daily)"
    assert "holds part of the transcript only" in page.select_one(".analysis .note").get_text()
    # no article reports an item of the part held: a sentence says so, not a grid of empty cells (a reader's review)
    assert page.select("table.matrix") == []
    assert page.select_one("p.matrix-none").get_text() == (
        "None of the 2 articles compared with the transcript (English) reports any of its items in the part of it"
        " the archive holds."
    )
    captures = CONTENT / "captures"
    assert (captures / "mfa-2025-12-10-transcript-en.txt").is_file()
    assert (
        shutil.which("sha256sum") is None or "mfa-2025-12-10-transcript-en.txt" in (captures / "SHA256SUMS").read_text()
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_matrix_and_passage_links_work_in_the_browser(built: tuple[Path, dict], browser, width: int) -> None:  # type: ignore[no-untyped-def]
    for base in serve_folder(built[0], "/"):
        page = browser.new_page(viewport={"width": width, "height": 844})
        page.goto(f"{base}briefings/{BRIEFING}/")
        # The page itself never scrolls sideways; a wide matrix scrolls inside its own box.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for box in page.locator(".matrix-wrap").all():
            matrix = box.bounding_box()
            assert matrix is not None and matrix["x"] >= 0 and matrix["x"] + matrix["width"] <= width
        page.locator("table.matrix").first.locator("thead a", has_text="2").click()
        assert page.evaluate("location.hash") == "#item-2"
        assert page.locator("#item-2").is_visible()
        page.goto(f"{base}articles/pakistantoday/")
        page.locator("a.passage-ref").first.click()
        page.wait_for_url(re.compile(r"#item-\d$"))
        anchor = page.evaluate("location.hash")
        assert page.locator(anchor).is_visible() and page.evaluate("document.activeElement !== null")
        page.goto(f"{base}articles/pakistantoday/#passage-1")
        assert page.locator("#passage-1").is_visible()
        page.close()


@pytest.mark.parametrize("path", [f"briefings/{BRIEFING}/", "articles/pakistantoday/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_analysis_pages_have_no_axe_violations(built: tuple[Path, dict], browser, path: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    for base in serve_folder(built[0], "/"):
        assert axe_violations(browser, base + path, scheme) == []


def test_a_story_republished_by_many_outlets_keeps_each_page_bounded(tmp_path: Path) -> None:
    """30 outlets carry one wire story: each article page shows a bounded neighbourhood of the
    coverage and of the articles sharing its text, and says where the rest are."""
    story = " ".join(f"The minister said point {n} of the plan would hold in every region." for n in range(8))
    files: dict[str, str | bytes] = {"briefings/b.md": "---\ntitle: B\ndate: 2025-01-02\n---\n"}
    for n in range(30):
        files[f"sources/outlet-{n:02d}.yaml"] = f"name: Outlet {n:02d}\n"
        values = {"title": f"Story {n:02d}", "source": f"outlet-{n:02d}", "briefing": "b", "language": "en"}
        files[f"articles/story-{n:02d}.md"] = ARTICLE.format(**values, body=story)
    content = write_files(tmp_path / "content", files)
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    data = coverage_of(tmp_path / "site", "b")
    assert len(data["syndication"]) == 1 and len(data["syndication"][0]) == 30
    for n in (0, 14, 29):
        page = parse(tmp_path / "site" / "articles" / f"story-{n:02d}" / "index.html")
        cards = page.select("#other-coverage ~ .cards > li")
        assert len(cards) == 12 and f"Story {n:02d}" not in " ".join(c.get_text() for c in cards)
        assert "All 30 articles covering this briefing" in page.select_one(".related").get_text()
        shares = page.select(".analysis .shares li")
        sharing = next(a for a in data["articles"] if a["slug"] == f"story-{n:02d}")["sharing"]
        assert len(shares) == 10 and len(sharing) > 10
        assert f"{len(sharing) - 10} more articles share text with it" in page.select_one(".analysis").get_text()


def test_shares_with_two_articles_of_one_outlet_name_each_ones_site(tmp_path: Path) -> None:
    """Global Times's page (a user's review) said twice "Shares 52% of its text with Xinhua's article"."""
    story = " ".join(f"The minister said point {n} of the plan would hold in every region." for n in range(8))
    article = "---\ntitle: {t}\nsource: {s}\ndate: 2025-01-02\nbriefing: b\nurl: {u}\n---\n{story}\n"
    files: dict[str, str | bytes] = {
        "briefings/b.md": "---\ntitle: B\ndate: 2025-01-02\n---\n",
        "sources/xinhua.yaml": "name: Xinhua\n",
        "sources/gt.yaml": "name: Global Times\n",
        "articles/a.md": article.format(t="A", s="xinhua", u="https://eng.chinamil.com.cn/a.html", story=story),
        "articles/b.md": article.format(t="B", s="xinhua", u="http://en.people.cn/b.html", story=story),
        "articles/c.md": article.format(t="C", s="gt", u="https://www.globaltimes.cn/c.html", story=story),
    }
    build_ok("--content", write_files(tmp_path / "content", files), "--out", tmp_path / "site", "--no-search")
    page = parse(tmp_path / "site" / "articles" / "c" / "index.html")
    links = sorted(a.get_text() for a in page.select(".analysis .shares li a"))
    assert links == ["Xinhua's article on en.people.cn", "Xinhua's article on eng.chinamil.com.cn"]
    one = parse(tmp_path / "site" / "articles" / "a" / "index.html")
    assert sorted(a.get_text() for a in one.select(".analysis .shares li a")) == [
        "Global Times's article",
        "Xinhua's article",
    ]


def test_a_transcripts_page_says_where_it_was_published_or_that_it_is_a_copy_found_elsewhere(built) -> None:
    site, _ = built
    page = parse(site / "briefings" / BRIEFING / "index.html")
    english, chinese = (page.select_one(f"#transcript-{lang}").find_parent("section") for lang in ("en", "zh"))
    assert english.select_one("p.meta").get_text().startswith("Published at https://www.mfa.gov.cn/eng/t1.html.")
    said = " ".join(chinese.select_one("p.meta").get_text().split())
    assert said.startswith("A copy found on example.com, not the host's own site: https://www.example.com/copy.html")


def test_the_bundled_briefing_and_its_articles_never_scroll_sideways_on_a_phone(bundled_site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    """A transcript's address and a capture's SHA-256 are long unbroken strings: they wrap, the page stays 390 px wide."""
    briefing = "briefings/2025-12-10-mfa-regular-press-conference/"
    articles = sorted(p.parent.name for p in (bundled_site / "articles").glob("*/index.html"))
    for base in serve_folder(bundled_site, "/"):
        page = browser.new_page(viewport={"width": 390, "height": 844})
        for path in [briefing, *(f"articles/{name}/" for name in articles)]:
            page.goto(f"{base}{path}")
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        page.close()


def test_the_timeline_gives_hours_only_where_both_times_are_known_and_names_a_carrying_site(tmp_path: Path) -> None:
    article = "---\ntitle: {title}\nsource: {source}\ndate: {date}\nbriefing: b\n{extra}---\nText of {title}.\n"
    content = write_files(
        tmp_path / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "sources/paper.yaml": "name: Paper\n",
            "briefings/b.md": "---\ntitle: B\ndate: 2026-01-12T15:00:00+08:00\n---\n",
            "articles/fast.md": article.format(
                title="fast", source="paper", date="2026-01-12T17:30:00+08:00", extra=""
            ),
            "articles/dated.md": article.format(title="dated", source="paper", date="2026-01-13", extra=""),
            "articles/copy.md": article.format(
                title="copy",
                source="wire",
                date="2026-02-04T14:48:37",
                extra='extra:\n  platform: forum.example.com\n  date_source: text "2026-02-04 14:48:37"\n',
            ),
            "articles/hand.md": article.format(  # dated by a curator: its carrier did not date it (a user's review)
                title="hand", source="wire", date="2026-02-05", extra="extra:\n  platform: kankan.example.com\n"
            ),
        },
    )
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    page = parse(tmp_path / "site" / "briefings" / "b" / "index.html")
    rows = [" ".join(li.get_text().split()) for li in page.select("ol.timeline li")]
    assert any(r.startswith("Paper ") and r.endswith("2.5 h after") for r in rows), rows
    assert any(r.startswith("Paper ") and r.endswith("the next day (dates as given)") for r in rows), rows
    [copy] = [r for r in rows if r.startswith("Wire (its copy on forum")]
    assert copy.startswith("Wire (its copy on forum.example.com, dated by that site)")
    assert any(r.startswith("Wire (its copy on kankan.example.com) ") for r in rows), rows
    assert copy.endswith("23 days later (time zones not both stated)")
