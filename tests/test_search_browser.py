"""End to end: the built site served on 127.0.0.1, searched in Debian's Chromium with Playwright."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, build_ok, parse, serve_folder, write_files
from playwright.sync_api import Browser, Page, expect

ZHITONG = "On December 10, Foreign Ministry Spokesman Guo Jiakun presided over a regular press conference"
NAMASTE = "Chinese mainland to Power Up Global Human Rights"


@pytest.fixture(scope="session")
def root_url(bundled_site: Path) -> Iterator[str]:
    yield from serve_folder(bundled_site, "/")


@pytest.fixture(scope="session")
def repo_url(bundled_site_repo: Path) -> Iterator[str]:
    yield from serve_folder(bundled_site_repo, "/REPO/")


@pytest.fixture(params=["root", "repo"])
def site_url(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def results(page: Page):  # type: ignore[no-untyped-def]
    return page.locator("#search-results > li")


def search(page: Page, site_url: str, term: str) -> None:
    page.goto(site_url + "search/")
    page.fill("#search-q", term)
    expect(page.locator("#search-status")).to_contain_text(f"for “{term}”")


def test_typing_lists_both_articles_and_keeps_the_query_in_the_url(page: Page, site_url: str) -> None:
    search(page, site_url, "Ainu")
    expect(results(page).filter(has_text=ZHITONG)).to_have_count(1)
    expect(results(page).filter(has_text=NAMASTE)).to_have_count(1)
    expect(page.locator("#search-results mark").first).to_have_text("Ainu")
    expect(results(page).filter(has_text=NAMASTE).locator(".meta")).to_have_text("Namaste Headlines · 11 December 2025")
    expect(page).to_have_url(site_url + "search/?q=Ainu")


def test_filtering_by_source_leaves_one(page: Page, site_url: str) -> None:
    search(page, site_url, "Ainu")
    page.click("#search-filter-panel summary")  # the filters are fetched when the panel is first opened
    page.locator("fieldset[data-filter=source] label", has_text="Zhitongcaijing").click()
    expect(results(page)).to_have_count(1)
    expect(results(page)).to_contain_text(ZHITONG)
    expect(page).to_have_url(site_url + "search/?q=Ainu&source=Zhitongcaijing")
    page.go_back()
    expect(results(page).filter(has_text=NAMASTE)).to_have_count(1)
    expect(page.locator("fieldset[data-filter=source] input[value=Zhitongcaijing]")).not_to_be_checked()
    page.go_forward()
    expect(results(page)).to_have_count(1)


def test_filters_in_the_url_are_applied_on_load(page: Page, site_url: str) -> None:
    page.goto(site_url + "search/?q=Ainu&source=Namaste+Headlines")
    expect(page.locator("#search-status")).to_have_text("1 result for “Ainu”.")
    expect(results(page)).to_contain_text(NAMASTE)
    box = page.locator("fieldset[data-filter=source] input[value='Namaste Headlines']")
    expect(box).to_be_checked()
    expect(page.locator("fieldset[data-filter=source] label", has_text="Zhitongcaijing")).to_contain_text("(1)")


def test_filters_are_not_fetched_before_the_panel_is_opened(page: Page, site_url: str) -> None:
    fetched: list[str] = []
    page.context.on("requestfinished", lambda request: fetched.append(request.url))  # the worker's too
    search(page, site_url, "Ainu")
    assert not [url for url in fetched if "/filter/" in url]
    page.click("#search-filter-panel summary")
    expect(page.locator("fieldset[data-filter=source]")).to_be_visible()
    assert [url for url in fetched if "/filter/" in url]


def test_the_briefing_facts_are_indexed_as_separate_words(page: Page, site_url: str) -> None:
    search(page, site_url, "Guo Jiakun")
    excerpts = " ".join(results(page).locator(".excerpt").all_text_contents())
    assert "Republic of China Guo Jiakun" in excerpts  # not "ChinaGuo": one fact's text ran into the next


def test_nonsense_query_says_no_results(page: Page, site_url: str) -> None:
    search(page, site_url, "qwzxvbnmplk")
    expect(page.locator("#search-status")).to_have_text(
        "No results for “qwzxvbnmplk”. Try another word, or clear the filters."
    )
    expect(results(page)).to_have_count(0)


def test_clicking_a_result_opens_the_article(page: Page, site_url: str) -> None:
    search(page, site_url, "Ainu")
    results(page).filter(has_text=NAMASTE).locator("a").click()
    page.wait_for_url(site_url + "articles/chinese-mainland-to-power-up-global-human-rights/")
    expect(page.locator("h1")).to_contain_text(NAMASTE)


def test_query_in_the_url_is_searched_on_load(page: Page, site_url: str) -> None:
    page.goto(site_url + "search/?q=ainu")
    expect(page.locator("#search-q")).to_have_value("ainu")
    expect(results(page).filter(has_text=NAMASTE)).to_have_count(1)


def test_header_form_leads_to_search(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.fill("#site-search-q", "ainu")
    page.press("#site-search-q", "Enter")
    page.wait_for_url(site_url + "search/?q=ainu")
    expect(results(page).filter(has_text=ZHITONG)).to_have_count(1)


def test_newest_first_sorts_by_date(page: Page, site_url: str) -> None:
    search(page, site_url, "Ainu")
    page.select_option("#search-sort", "newest")
    page.wait_for_url("**sort=newest**")
    expect(results(page).first).to_contain_text(NAMASTE)  # 11 December, the latest page
    page.go_back()
    expect(page.locator("#search-sort")).to_have_value("relevance")


def test_an_excerpt_holds_no_publication_stamp(page: Page, root_url: str) -> None:
    """A reader's review: excerpts began "zone not stated) China has ...": the date line was indexed as text."""
    search(page, root_url, "Zhitongcaijing")  # the source's name, beside the date on the article's page
    expect(results(page).first).to_be_visible()
    for excerpt in results(page).locator(".excerpt").all_text_contents():
        assert "time zone not stated" not in excerpt and "08:17" not in excerpt, excerpt


def test_filters_come_from_the_hidden_spans(page: Page, root_url: str) -> None:
    page.goto(root_url + "search/")
    filters = page.evaluate("""async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        await pagefind.init();
        return await pagefind.filters();
    }""")
    assert filters["source"] == {"Namaste Headlines": 1, "Zhitongcaijing": 1}
    assert filters["type"] == {"Article": 2, "Briefing": 1}
    assert filters["year"] == {"2025": 3}  # the briefing too: ticking a year must not hide it
    assert filters["language"] == {"en": 2}
    assert set(filters["briefing"]) == {"Foreign Ministry regular press conference, 10 December 2025"}
    assert "Ainu" in filters["tag"]


def test_markup_in_a_title_is_shown_as_text(page: Page, browser: Browser, tmp_path: Path) -> None:
    content = write_files(
        tmp_path / "content",
        {
            "sources/s.yaml": "name: Sample\n",
            "articles/x.md": "---\ntitle: 'Zebrafish <img src=x onerror=alert(1)>'\nsource: s\ndate: 2025-01-02\n---\n"
            "Zebrafish <img src=x onerror=alert(1)> and `<script>alert(2)</script>` zebrafish.\n",
        },
    )
    build_ok("--content", content, "--out", tmp_path / "site")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in serve_folder(tmp_path / "site", "/"):
        search(page, url, "zebrafish")
        expect(results(page)).to_have_count(1)
        expect(results(page).locator("h2")).to_have_text("Zebrafish <img src=x onerror=alert(1)>")
        expect(results(page).locator(".excerpt")).to_contain_text("<img src=x onerror=alert(1)>")
        assert page.locator("#search-results img, #search-results script").count() == 0
    assert dialogs == []


def test_file_url_says_to_serve_the_site(page: Page, bundled_site: Path) -> None:
    page.goto((bundled_site / "search" / "index.html").as_uri())
    expect(page.locator("#search-status")).to_contain_text("opened from a file (file://)")
    expect(page.locator("#search-status")).to_contain_text("python build.py serve")


@pytest.fixture(scope="module")
def chinese_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("chinese") / "site"
    build_ok("--content", FIXTURES / "chinese-site", "--out", out)
    yield from serve_folder(out, "/")


def test_chinese_article_is_found_from_the_english_search_page(page: Page, chinese_site: str) -> None:
    search(page, chinese_site, "郭嘉锟")
    expect(results(page)).to_have_count(1)
    expect(results(page).locator("h2")).to_have_text("外交部发言人郭嘉锟主持例行记者会")
    search(page, chinese_site, "Ainu")  # the English index is searched as well
    expect(results(page).filter(has_text=ZHITONG)).to_have_count(1)


@pytest.mark.parametrize(
    ("word", "title"),
    [
        ("记者会", "外交部发言人郭嘉锟主持例行记者会"),
        ("メルツ", "木原官房長官、ドイツのメルツ首相の訪日を歓迎"),
        ("ホタテ", "木原官房長官、ドイツのメルツ首相の訪日を歓迎"),
    ],
)
def test_chinese_and_japanese_words_inside_a_run_are_found(
    page: Page, chinese_site: str, word: str, title: str
) -> None:
    # 记者会 (press conference) sits inside 外交部发言人郭嘉锟主持例行记者会 with no spaces, メルツ and ホタテ
    # inside Japanese sentences: only the extended binary (requirements.txt) segments them into words.
    assert importlib.util.find_spec("pagefind_bin_extended") is not None, "pip install -r requirements.txt"
    search(page, chinese_site, word)
    expect(results(page).locator("h2").first).to_have_text(title)


def test_a_chinese_word_the_index_cut_differently_is_found(page: Page, chinese_site: str) -> None:
    """A reader's review: "外交部" missed a United Daily News report, whose "中國外交部今天聲稱" Pagefind had indexed
    as 外交 and 部; the query is also looked up cut into words and pairs of characters."""
    search(page, chinese_site, "外交部")
    titles = results(page).locator("h2")
    expect(titles).to_have_count(2)
    expect(titles.first).to_have_text("外交部发言人郭嘉锟主持例行记者会")  # (as typed first)
    expect(titles.nth(1)).to_have_text("中國外交部今天聲稱對日本近期軍事安全動向感到嚴重關切")
    search(page, chinese_site, "外交部发言人")  # two words, the second only in the Simplified page: it leads
    expect(results(page).locator("h2").first).to_have_text("外交部发言人郭嘉锟主持例行记者会")


def test_a_chinese_query_finds_the_page_written_in_the_other_script(page: Page, chinese_site: str) -> None:
    """The page is in Simplified characters ("发言人"); a reader types Traditional ("發言人"): a reader's review
    found a Hong Kong report missed the other way round."""
    search(page, chinese_site, "發言人")
    expect(results(page).locator("h2").first).to_have_text("外交部发言人郭嘉锟主持例行记者会")


def test_on_a_phone_the_filters_fold_and_the_first_result_is_on_screen(browser: Browser, root_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        search(page, root_url, "human rights")
        first = results(page).first.bounding_box()
        assert first is not None and 0 <= first["y"] < 844 - 60, first
        expect(page.locator("#search-filter-panel")).not_to_have_attribute("open", "")
        for excerpt in results(page).locator(".excerpt").all_text_contents():  # hidden filter values are not text
            assert "00:00:00" not in excerpt and "rightsHuman" not in excerpt, excerpt
        sort = page.locator("label[for=search-sort]").bounding_box()
        menu = page.locator("#search-sort").bounding_box()
        assert sort is not None and menu is not None and abs(sort["y"] - menu["y"]) < menu["height"]  # one line
        page.locator("#search-filter-panel summary").click()
        expect(page.locator("fieldset[data-filter=source]")).to_be_visible()
    finally:
        context.close()


def test_filter_counts_follow_the_other_filters(page: Page, root_url: str) -> None:
    search(page, root_url, "Ainu")
    page.click("#search-filter-panel summary")
    article = page.locator("fieldset[data-filter=type] label", has_text="Article")
    expect(article).to_have_text("Article (2)")
    page.locator("fieldset[data-filter=source] label", has_text="Zhitongcaijing").click()
    expect(results(page)).to_have_count(1)
    expect(article).to_have_text("Article (1)")
    # The source filter's own counts leave its chosen value out: the other source is still offered.
    expect(page.locator("fieldset[data-filter=source] label", has_text="Namaste Headlines")).to_have_text(
        "Namaste Headlines (1)"
    )


def test_the_search_page_has_one_search_box_and_no_curator_advice(bundled_site: Path) -> None:
    page = parse(bundled_site / "search" / "index.html")
    assert len(page.select("input[type=search]")) == 1
    assert "build.py" not in page.select_one("#search-status").get_text()


def test_a_briefing_is_found_by_what_its_transcript_says(page: Page, site_url: str) -> None:
    """ "Brunei" stands only in the bundled briefing's transcript (a reader's review: transcripts were not searched)."""
    search(page, site_url, "Brunei")
    expect(results(page).locator("h2")).to_have_text(["Foreign Ministry regular press conference, 10 December 2025"])
