"""The page below the article: controls, section links and footer go; an article's short lines stay."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_import_clean import ARTICLE, SENTENCE

from pressarchive.importer.clean import clean

# From a real capture (eval/import-heldout18, AiCoin): the article, then the page's sharing controls.
AICOIN = """链研社|Apr 24, 2025 08:53

On the afternoon of April 24th, the Ministry of Foreign Affairs held a regular press conference. \
Foreign Ministry spokesperson Guo Jiakun: These are all fake news. Talk, the door is open, and dialogue \
and negotiation must be equal, respectful, and mutually beneficial
Share To
Timeline
HotFlash
APP
X
Telegram
CopyLink
"""


def test_sharing_controls_below_the_article_go():
    result = clean(AICOIN)
    assert result.found("the page below the article") == [
        "Share To", "Timeline", "HotFlash", "APP", "X", "Telegram", "CopyLink"
    ]  # fmt: skip
    assert result.body.endswith("mutually beneficial\n")


def test_a_chinese_pages_section_links_and_its_footer_go():
    capture = (
        "外交部发言人郭嘉昆主持例行记者会，回答了记者提出的问题。他表示，中方愿同各方一道努力。\n\n"
        "打赏\n0相关评论\n推荐图文\n推荐资讯\n点击排行\nPowered By DESTOON\n"
    )
    result = clean(capture)
    assert result.body == "外交部发言人郭嘉昆主持例行记者会，回答了记者提出的问题。他表示，中方愿同各方一道努力。\n"
    assert len(result.found("the page below the article")) == 6


def test_short_lines_with_a_sentence_below_them_are_the_articles():
    capture = (
        "The spokesperson listed the delegations that will attend the summit next week.\n\n"
        "Brazil\n\nIndia\n\nSouth Africa\n\nThe talks open on Monday.\n"
    )
    assert clean(capture).body == capture
    assert clean(capture).found("the page below the article") == []


def test_a_closing_bulleted_list_is_the_articles():
    capture = "The ministry named three priorities for the visit this week.\n\n- Trade\n- Energy\n- Climate\n"
    assert "- Trade\n- Energy\n- Climate" in clean(capture).body


def test_short_lines_above_the_first_paragraph_are_not_the_page_end():
    capture = "Beijing\nWorld\n\nThe spokesperson said the visit would go ahead as planned this week.\n"
    assert clean(capture).found("the page below the article") == []


CONTROL = st.sampled_from(
    ["Share To", "Timeline", "APP", "Telegram", "LINE", "推荐图文", "点击排行", "BEST 뉴스", "広告"]
)


@settings(max_examples=100, deadline=None)
@given(ARTICLE, st.lists(CONTROL, min_size=2, max_size=6), st.none() | SENTENCE)
def test_any_article_keeps_its_text_and_loses_the_controls_below_it(paragraphs, controls, sentence_below):
    """Controls below the article go; with an article's sentence below them they were the article's, and stay."""
    lines = [line for p in paragraphs for line in (p, "")] + controls
    below = ["", sentence_below] if sentence_below else []
    body = clean("\n".join(lines + below) + "\n").body
    article = "\n\n".join(paragraphs)
    if sentence_below:
        assert body.startswith(article) and all(control in body for control in controls)
    else:
        assert body == article + "\n"


@pytest.mark.parametrize(
    "ending",
    [
        "毛宁说，中方主张：\n一、立即停火止战\n二、切实保护平民\n三、坚持政治解决\n",
        "They are:\nBrazil\nIndia\nSouth Africa\n",
        "（1）即時停戦\n（2）民間人の保護\n",
        "① 즉각 휴전\n② 민간인 보호\n",
        "„Wir sind bereit“\n„Wir warten“\n",
        "CHINA DEAL DONE\nTHANK YOU CHINA\n",
        "Q: Will the President call Xi this week?\nMS. LEAVITT: Yes\nQ: Thank you\n",
        "商务部 海关总署\n2025年10月9日\n",
    ],
)
def test_an_articles_own_closing_lines_are_not_the_page_end(ending):
    """From a review: closing lists, quotations, a transcript's last turns, a statement's signature."""
    capture = f"The spokesperson answered questions on the talks for an hour on Monday, she said.\n{ending}"
    assert clean(capture).found("the page below the article") == []


def test_a_closing_list_of_other_stories_each_over_its_stamp_goes_to_the_end():
    """guancha.cn (heldout33's 3302): after the editor's line, other stories' headlines, each over
    "2025-09-18 16:04 中美关系 -", the last cut before its stamp."""
    story = "据北京日报客户端报道,9月18日,外交部发言人林剑主持例行记者会。\n林剑表示,相关企业积极担责。"
    listed = (
        "“韩国站美国一边,但要妥善处理对华关系”\n2025-09-18 16:19 三八线之南 -\n"
        "美方称中国利用柯克遇刺诋毁美国,中方驳斥\n2025-09-18 16:04 中美关系 -\n"
        "巴退役中将:在印巴空战中也可以看到AI的作用\n2025-09-18 14:26 -\n仅次于美"
    )
    cleaned = clean(f"赞比亚居民称中企在当地造成污染,中方回应\n{story}\n{listed}")
    assert story.split("\n")[1] in cleaned.body
    assert "中美关系" not in cleaned.body and "仅次于美" not in cleaned.body and "巴退役中将" not in cleaned.body
    # one story with its stamp is no list
    single = clean(
        f"标题在此处的新闻标题\n{story}\n美方称中国利用柯克遇刺诋毁美国,中方驳斥\n2025-09-18 16:04 中美关系 -"
    )
    assert "美方称中国利用柯克遇刺诋毁美国" in single.body
