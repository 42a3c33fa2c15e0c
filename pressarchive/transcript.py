"""A briefing's transcript split into items: each announcement, and each question with its answer.

Transcripts come as "Q: / A:", "QUESTION: / MR PRICE:", a named outlet and the named
spokesperson ("Beijing Youth Daily: ... Guo Jiakun: ..."), or Chinese "问： / 答：".
A paragraph that starts with such a label is a turn; an unlabelled paragraph continues
the turn before it. The spokesperson's label is the one that names them (or says A,
答, spokesperson, secretary), else the label that speaks most. Before the first question
each of the spokesperson's paragraphs is an announcement of its own (a greeting joins
the next one); a question and the answer that follows it form one item. A bilingual transcript
gives each turn twice, Chinese then English: a question asked again in the other script before
any answer is the same question, and the label that always speaks between a question and the spokesperson's
answer is the spokesperson's in the other language.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .briefing_words import BRIEFING_WORD

_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_CJK_LABEL = rf"(?:[《〈][{_CJK}]{{1,12}}[》〉])?[{_CJK}]{{1,12}}"  # "《中国日报》记者": a paper's name in its brackets
_WORD_LABEL = r"(?:(?:Mr|Ms|Mrs|Dr|MR|MS|MRS|DR)\.\s)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|the|and|de|del|la|do|da|des|du|di|y|e|&|presse|prensa|imprensa|noticias|notícias)){0,6}"  # "Diario del Pueblo:",
# "Agence de presse Xinhua :" (the French transcript's label for Xinhua)
# "Мао Нин", "Жэньминь жибао": capitalised words, and a paper's name may end in a lower-case word the
# Russian press writes so (never a verb: "Захарова заявила:" is a quote's lead, not a label)
_CYRILLIC_LABEL = r"[А-ЯЁ][\w-]*(?:\s+[А-ЯЁ][\w-]*){0,3}(?:\s+(?:жибао|дейли|таймс|ньюс|пост|симбун|шимбун))?"
LABEL = re.compile(rf"(?P<label>{_CJK_LABEL}|{_WORD_LABEL}|{_CYRILLIC_LABEL}|Q|A)\s*[:：]\s*")
ANSWER_LABELS = {
    "a",
    "answer",
    "答",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "发言人",
    "報道官",
    "spokesperson's office",
}
QUESTION_LABELS = {"q", "question", "questions", "reporter", "journalist", "问", "記者", "question from the floor"}
ANSWER_WORDS = ("secretary", "spokesperson", "spokesman", "minister", "官房長官", "发言人")
HEADING_MAX_CHARS = 120  # a transcript's opening line this short, naming a briefing, with no full stop: its title
SENTENCE_END = re.compile(r"[.!?。！？…:：\]」”\"]\s*$")
TITLE_LINE_CJK_CHARS = 24  # an unpunctuated CJK line this short before the first turn: a piece of a title
TITLE_CASE_SHARE = 0.6  # of a heading's words of four letters or more, at least this many capitalised
ASKS = re.compile(r"[?？]\s*$")  # a turn that ends in a question mark asks
# A copy's words that what follows is the briefing's questions and answers: "以下是問答全文", "全文如下". The
# paragraph they end is the copy's lead ("中評社北京11月8日電…主持例行記者會…以下是問答全文："), not an item.
QUESTIONS_FOLLOW = re.compile(r"以下[为為是](?:答[问問]|[问問]答)(?:内容|內容|全文|实录|實錄)|全文如下")
LEAD_END = 12  # characters at a paragraph's end where those words stand
GREETING_WORDS = 8  # an opening paragraph this short ("Good afternoon.") joins the announcement after it


@dataclass(frozen=True)
class Paragraph:
    start: int  # offsets in the transcript text
    end: int
    label: str  # the speaker label as written, "" when the paragraph continues a turn


@dataclass(frozen=True)
class Item:
    number: int  # 1-based, in transcript order
    kind: str  # "announcement" or "question"
    asker: str  # for a question, the label that asked it ("CCTV", "Q")
    start: int  # offsets in the transcript text
    end: int
    paragraphs: tuple[Paragraph, ...]

    @property
    def title(self) -> str:
        """The name as a heading: "Q&A 3 (asked by CCTV)", "Announcement 1"."""
        return self.name[:1].upper() + self.name[1:]

    @property
    def name(self) -> str:
        """How pages refer to it: "announcement 1", "Q&A 3 (asked by CCTV)" (a question and its answer: "question
        3 (CCTV)" beside a passage reporting the answer read as if the article quoted CCTV, a reader's review)."""
        if self.kind == "announcement":
            return f"announcement {self.number}"
        asker = f" (asked by {self.asker})" if self.asker and self.asker.casefold() not in QUESTION_LABELS else ""
        return f"Q&A {self.number}{asker}"


def paragraphs(text: str) -> list[Paragraph]:
    """The transcript's paragraphs (separated by blank lines), each with its speaker label if it has one."""
    found = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        label = LABEL.match(match.group())
        found.append(Paragraph(match.start(), match.end(), label.group("label") if label else ""))
    return found


def split_items(text: str, spokesperson: str | None) -> tuple[Item, ...]:
    """The transcript's items, in order (a heading above the first is none: "外交部发言人毛宁主持例行记者会")."""
    paras = paragraphs(text)
    if paras and _is_heading(text[paras[0].start : paras[0].end], paras[0]):
        paras = paras[1:]
    while paras and _is_title_line(text, paras[0]) and any(p.label for p in paras):
        paras = paras[1:]
    if paras and _is_copy_lead(text[paras[0].start : paras[0].end], paras[0]):
        paras = paras[1:]
    answerers = _answer_labels(paras, spokesperson, text)
    groups: list[tuple[str, str, list[Paragraph]]] = []  # (kind, asker, paragraphs)
    waiting: list[Paragraph] = []  # a greeting, until the announcement it opens
    answered = False  # whether the last question has had an answer yet
    for para in paras:
        asked = bool(para.label) and para.label not in answerers
        turns = [p.label for p in groups[-1][2] if p.label] if groups and groups[-1][0] == "question" else []
        if asked and turns and not answered and _other_script(turns[-1], para.label):
            groups[-1][2].append(para)  # a turn again before an answer, in the other script: the same turn
        elif asked:
            groups.append(("question", para.label, [*waiting, para]))
            waiting, answered = [], False
        elif groups and groups[-1][0] == "question":
            groups[-1][2].append(para)
            answered = answered or para.label in answerers
        elif _words(text[para.start : para.end]) < GREETING_WORDS and not waiting:
            waiting = [para]
        else:
            groups.append(("announcement", "", [*waiting, para]))
            waiting = []
    if waiting:
        groups.append(("announcement", "", waiting))
    return tuple(
        Item(n, kind, asker, members[0].start, members[-1].end, tuple(members))
        for n, (kind, asker, members) in enumerate(groups, start=1)
    )


def _is_copy_lead(text: str, para: Paragraph) -> bool:
    """A copy's lead over the transcript: it names the briefing and ends saying its questions and answers
    follow ("中評社北京11月8日電…主持例行記者會…以下是問答全文："); not a speech's opening "…讲话全文如下："."""
    return not para.label and bool(QUESTIONS_FOLLOW.search(text[-LEAD_END:])) and bool(BRIEFING_WORD.search(text))


def _is_heading(text: str, para: Paragraph) -> bool:
    """The transcript's title: an unlabelled short line naming a briefing, ending without a sentence's
    punctuation, its words capitalised as a title's are ("Regular Press Conference on ..."; not "Good
    afternoon and welcome to today's briefing", nor an announcement cut short)."""
    if para.label or "\n" in text or len(text) > HEADING_MAX_CHARS or SENTENCE_END.search(text):
        return False
    return bool(BRIEFING_WORD.search(text)) and _title_cased(text)


def _is_title_line(text: str, para: Paragraph) -> bool:
    """A line before the first speaker's turn that reads as a piece of a title, not of a sentence: no
    clause's comma, no sentence's end, and title-cased words or a few CJK characters (a title cut over
    lines, a page's leftover: "创始人", "2026年2月12日外交部发言人林剑", "主持例行记者会", "Foreign
    Ministry Spokesperson Lin Jian’s"; not an announcement, even cut short)."""
    line = text[para.start : para.end]
    if para.label or "\n" in line or SENTENCE_END.search(line) or re.search(r"[,，、;；]", line):
        return False
    if re.search(f"[{_CJK}]", line):
        return len(line) <= TITLE_LINE_CJK_CHARS
    return len(line) <= HEADING_MAX_CHARS and _title_cased(line)


def _title_cased(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W_][\w'’-]{3,}", text) if not re.match(f"[{_CJK}]", w)]
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return capitalised >= TITLE_CASE_SHARE * len(words)


def _other_script(label: str, other: str) -> bool:
    """Whether one label is written in CJK characters and the other not ("总台央视记者", "CCTV")."""
    return bool(re.match(_CJK_LABEL, label)) != bool(re.match(_CJK_LABEL, other))


def _answer_labels(paras: list[Paragraph], spokesperson: str | None, text: str) -> set[str]:
    """The labels the spokesperson speaks under: _answer_label's, and in a bilingual transcript
    ("总台央视记者: ... CCTV: ... 毛宁: ... Mao Ning: ...") the other language's, whose every turn
    comes between a question and the spokesperson's own."""
    answerer = _answer_label(paras, spokesperson, text)
    if not answerer:
        return set()
    turns = [p for p in paras if p.label]
    after_question_before_answer: Counter[str] = Counter()
    for before, turn, after in zip(turns, turns[1:], turns[2:], strict=False):
        if before.label != answerer and turn.label != answerer and after.label == answerer:
            after_question_before_answer[turn.label] += 1
    spoken = Counter(p.label for p in turns)
    others = {
        label
        for label, n in after_question_before_answer.items()
        if n == spoken[label] and (n > 1 or _other_script(label, answerer))  # once: "郭嘉昆" before "Guo Jiakun"
    }
    return {answerer, *others}


def _answer_label(paras: list[Paragraph], spokesperson: str | None, text: str) -> str:
    """The label the spokesperson speaks under ("" when no paragraph is labelled)."""
    labels = Counter(p.label for p in paras if p.label)
    names = {w for w in _fold(spokesperson or "").split() if len(w) > 1}
    for label in labels:
        folded = _fold(label)
        if folded in ANSWER_LABELS or names & set(folded.split()) or any(w in folded for w in ANSWER_WORDS):
            return label
    # else the label that speaks most; of two that speak as often, the one that asks least (its turns end
    # in a question mark less often), then the later to speak first (a question comes before its answer:
    # "Жэньминь жибао: ...? Мао Нин: ...", in a script the spokesperson's name is not given in)
    asked = Counter(p.label for p in paras if p.label and ASKS.search(text, p.start, p.end))
    askers = [label for label in labels if _fold(label) not in QUESTION_LABELS]
    order = {label: n for n, label in enumerate(labels)}  # first appearance
    return max(askers, key=lambda label: (labels[label], -asked[label], order[label])) if askers else ""


def _fold(text: str) -> str:
    return re.sub(r"\b(?:mr|ms|mrs|dr)\.\s*", "", unicodedata.normalize("NFKC", text).casefold())


def _words(text: str) -> int:
    cjk = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff]", text))
    return len(text.split()) + cjk // 2
