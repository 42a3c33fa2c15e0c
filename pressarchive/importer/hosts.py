"""Whose briefing a text reports, in any language hosts.yaml knows: the name nearest a briefing word.

A text reports host H's briefing when one of H's names (a spokesperson's, or the host's own)
stands within NAME_REACH characters of a briefing word: "Guo said at Wednesday's press
conference", "Мария Захарова в ходе брифинга", "郭嘉昆報道官は10日の記者会見で", "el portavoz de
Guterres, Stéphane Dujarric, durante una rueda de prensa". The nearest name wins; two hosts'
names at the same distance leave the host unknown. A name with no briefing word near it
(a statement, a Telegram post, a written comment) reports no briefing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..briefing_words import BRIEFING_WORD
from ..transcript import split_items
from .days import sentence_start

TABLE = Path(__file__).with_name("hosts.yaml")
# A name's office held no longer: "元内閣官房長官", "前外交部发言人", "former spokesperson", "бывший".
FORMER = re.compile(  # (not 日前 "recently", 会前 "before the briefing", 元旦の "New Year's")
    r"(?:(?<![日目此之会會当當眼])前|元)[\u4e00-\u9fff\u30a0-\u30ff]{0,3}$|(?:former|ex-|бывш\w*)\s*(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
OFFICE_AFTER = 2  # characters between a name and the office written after it ("毛寧報道官", "Guo Jiakun, spokesman")
# characters around a spokesperson's name where the office or the host stands ("portavoz ... Lin Jian")
TITLE_REACH = 80
# The office beside a name, in the languages the table's hosts are reported in.
SPOKESPERSON_WORD = re.compile(
    r"spokes(?:person|woman|man)|press secretary|portavo(?:z|ce)|vocer[oa]|porta-voz|porte-parole|sprecher"
    r"|представител|спикер|пресс-секретар|говорител|发言人|發言人|報道官|대변인|phát ngôn|المتحدث|الناطق|سخنگو|sözcü"
    r"|juru bicara|rzecznik",
    re.IGNORECASE,
)
# Where a spokesperson speaks other than at a briefing, said beside the name: a text quoting one so reports none.
ELSEWHERE = re.compile(
    r"telegram|twitter|\bon X\b|weibo|微博|in an interview|entrevista|intervista|интервью|インタビュー|인터뷰|采访|採訪"
    r"|in a (?:written )?statement|written (?:statement|answer|remarks|reply)|statement (?:posted|published|issued)"
    r"|['’]s remarks on|发表谈话|發表談話|談話を発表|담화를 (?:내|발표)|答记者问|答記者問|书面|書面|schriftlich"
    r"|déclaration écrite|en un comunicado|dans un communiqué|в (?:своем |своём )?(?:комментарии|заявлении)",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?。！？](?=\s|$)|\n")
CASE_ENDING = 2  # letters a label may add to a name's form ("Го Цзякунь" for "Го Цзякун")
FORMER_REACH = 12  # characters before a name where its "former" stands
NAME_REACH = 150  # characters between a name and the briefing word it is the subject of
ANAPHOR_REACH = 400  # characters before a briefing word's sentence where "the spokesperson" in it was named
# "The spokesperson" opening its sentence, unqualified ("A Pentagon spokesman", "El portavoz del Gobierno
# alemán", "商务部新闻发言人何咏前" are someone else's), then a verb in lower case, in the languages the
# table's hosts are reported in.
SPOKESPERSON_OPENING = re.compile(
    r"\s*(?:the |la |el |le |die |der |a |o )?(?:spokes(?:person|woman|man)|говорител\w*|portavoz|porta-voz"
    r"|porte-parole|sprecher\w*)\s+(?!(?:of|for|del|de|da|do|des|du|der|на|от)\b)[a-zа-яё]",
    re.IGNORECASE,
)
# A question's label that names no outlet: a story may set one exchange out so; a transcript names it.
UNNAMED_ASKER = re.compile(
    r"q|question|reporter|journalist|correspondent|记者|記者|问|問|вопрос|pregunta", re.IGNORECASE
)
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

# A speaker's label that ends on a verb of saying ("石破茂表示：", "郭嘉昆說：", "he said:"): a story quoting someone.
SAYING_LABEL = re.compile(
    r"(?:表示|[说說]|[称稱]|指出|[强強][调調]|[认認]为|認為|回[应應]|\b(?:said|says|stated|added))\s*$"
)


@dataclass(frozen=True)
class Host:
    id: str
    name: str  # as a briefing's `host:` field writes it
    names: re.Pattern[str]  # its own names and its spokespeople's in full
    surnames: re.Pattern[str]  # its spokespeople's surnames, counted once the text names them in full
    people: dict[str, str]  # a form or surname, casefolded -> the spokesperson's name
    sites: tuple[str, ...] = ()  # its own web sites' hosts ("mfa.gov.cn"); a subdomain belongs to them
    forms: tuple[str, ...] = ()  # its names and its spokespeople's, as printed: what every text about it shares
    voices: re.Pattern[str] = re.compile(r"(?!)")  # its names, and the state it speaks for ("China", "Beijing")
    transcript_title: re.Pattern[str] = re.compile(r"(?!)")  # the title it gives its transcripts
    speakers: tuple[str, ...] = ()  # its spokespeople's names in full, as printed in each script
    kind: str = ""  # what its briefings are called ("press conference"); "" when the table does not say
    transcript_sections: tuple[str, ...] = ()  # URL paths on its sites where it posts transcripts that day
    own: re.Pattern[str] = re.compile(r"(?!)")  # its own names, not its spokespeople's
    transcript_languages: tuple[str, ...] = ()  # the languages it posts them in; () when the table does not say
    same_day_languages: tuple[str, ...] = ()  # those it posts the day of the briefing


@dataclass(frozen=True)
class Sighting:
    host: Host
    spokesperson: str | None
    name: str  # as the text prints it
    briefing_word: str
    distance: int
    after: int = -1  # where a quoted spokesperson's name, with the office written after it, ends in the text
    start: int = -1  # and where the name starts (days.day_before: the day a Chinese lead writes before the office)


@cache
def hosts() -> tuple[Host, ...]:
    table = yaml.safe_load(TABLE.read_text(encoding="utf-8"))["hosts"]
    return tuple(_host(entry) for entry in table)


def _host(entry: dict[str, Any]) -> Host:
    people, surnames = {}, []
    for person in entry.get("spokespeople") or []:
        people.update({str(f).casefold(): str(person["name"]) for f in person["forms"]})
        mine = [str(f) for f in person.get("surnames") or []]
        people.update({f.casefold(): str(person["name"]) for f in mine})
        surnames += mine
    names = [str(n) for n in entry.get("names") or []] + [
        f for p in entry.get("spokespeople") or [] for f in p["forms"]
    ]
    sites = tuple(str(site).lower() for site in entry.get("sites") or [])
    forms = (str(entry["name"]), *names, *surnames)
    states = [str(n) for n in entry.get("speaks_for") or []]
    return Host(
        str(entry["id"]),
        str(entry["name"]),
        _alternatives(names),
        _alternatives(surnames, whole=True),
        people,
        sites,
        forms,
        re.compile(f"{_alternatives(names).pattern}|{_alternatives(states, whole=True).pattern}", re.IGNORECASE),
        re.compile(str(entry.get("transcript_title") or r"(?!)")),
        tuple(str(f) for p in entry.get("spokespeople") or [] for f in p["forms"]),
        str(entry.get("kind") or ""),
        tuple(str(path) for path in entry.get("transcript_sections") or []),
        _alternatives([str(n) for n in entry.get("names") or []]),
        tuple(str(language) for language in entry.get("transcript_languages") or []),
        tuple(str(language) for language in entry.get("same_day_languages") or []),
    )


def _alternatives(forms: list[str], whole: bool = False) -> re.Pattern[str]:
    """Any of ``forms``: a CJK form anywhere, another at a word's start (and end too when ``whole``)."""
    if not forms:
        return re.compile(r"(?!)")
    end = r"(?!\w)" if whole else ""
    parts = [
        _escaped(f) if CJK.match(f) else rf"(?<!\w){_escaped(f)}{end}" for f in sorted(forms, key=len, reverse=True)
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


def _escaped(form: str) -> str:
    """``form`` as a pattern, its apostrophe matching a typographic one too ("China’s Foreign Ministry")."""
    return re.escape(form).replace("'", "['’]")


def _named_before(text: str) -> Sighting | None:
    """For a briefing word whose sentence names no host but opens with "the spokesperson"
    ("Говорителката направи този коментар по време на редовна пресконференция"), the host whose
    spokesperson is named last in the ANAPHOR_REACH characters before that sentence ("... Мао Нин
    каза днес, че ..."); None if none, if two hosts are named there, or if the name is a ministry's."""
    for word in BRIEFING_WORD.finditer(text):
        start = sentence_start(text, word.start())
        opening = SPOKESPERSON_OPENING.match(text, start, word.start())
        if not opening or not opening.group()[-1].islower():
            continue
        before = max(0, start - ANAPHOR_REACH)
        named = [(m.end(), h, m) for h in hosts() for m in h.names.finditer(text, before, start)]
        if not named or len({h.id for _, h, _ in named}) > 1:
            return None
        end, host, name = max(named, key=lambda n: n[0])
        person = host.people.get(name.group().casefold())
        if person is None:
            return None  # a ministry's name ("China's foreign ministry said"): "the spokesperson" may be another's
        return Sighting(host, person, name.group(), word.group(), word.start() - end)
    return None


def host_named(field: str | None) -> Host | None:
    """The host a briefing's `host:` field names: its name, or one of its names in it; None if unknown or two."""
    if not field:
        return None
    found = [h for h in hosts() if h.name.casefold() == field.casefold()] or [
        h for h in hosts() if h.names.search(field)
    ]
    return found[0] if len(found) == 1 else None


def names_a_host(text: str) -> bool:
    """Whether ``text``, whole, is one of a host's names or its spokespeople's ("Mao Ning", "毛宁")."""
    return any(host.names.fullmatch(text) for host in hosts())


NAME_CAPTION_CHARS = 90  # a caption naming the spokesperson in its photo is no longer
NAME_CAPTION_WORDS = 8  # words of the office written before the name ("Người phát ngôn Bộ Ngoại giao Trung Quốc")
NOT_A_CAPTION = re.compile(r"[.!?。！？:：\d\"“”«»「」]")  # a sentence, a label, a date: not a name under a photo


def names_a_spokesperson(line: str) -> bool:
    """Whether ``line`` is only a host's spokesperson named in full, perhaps after their office ("Mao Ning",
    "Chinese Foreign Ministry spokesperson Guo Jiakun", "中国外交部发言人毛宁", "представитель МИД КНР Мао Нин") or
    before it ("Stéphane Dujarric, porte-parole du secrétaire général António Guterres"): at a page's top, the
    caption of their photo."""
    text = line.strip()
    if len(text) > NAME_CAPTION_CHARS or NOT_A_CAPTION.search(text):
        return False
    folded = text.casefold()
    for host in hosts():
        for form in host.speakers:
            if folded.endswith(form.casefold()):
                office = text[: len(text) - len(form)].strip(" ,")
            elif folded.startswith(form.casefold() + ","):  # "Stéphane Dujarric, porte-parole du secrétaire général"
                office = text[len(form) + 1 :].strip()
            else:
                continue
            if not office or (SPOKESPERSON_WORD.search(office) and len(office.split()) <= NAME_CAPTION_WORDS):
                return True
    return False


def host_with_id(host_id: str | None) -> Host | None:
    """The host hosts.yaml lists under ``host_id``; None for none or an unknown one."""
    return next((h for h in hosts() if h.id == host_id), None)


def host_of_site(site: str | None) -> Host | None:
    """The host whose own web site ``site`` (a URL's host, without "www.") is or is under."""
    if not site:
        return None
    return next((h for h in hosts() for own in h.sites if site == own or site.endswith("." + own)), None)


def _full_names(text: str, host: Host) -> list[tuple[str, re.Match[str]]]:
    """(spokesperson, where) for each of ``host``'s spokespeople the text names by a full form of the
    name ("Lin Jian", "林剑", "Го Цзякун"; not "Zakharova" alone), not as one who held the office before."""
    return [
        (host.people[m.group().casefold()], m)
        for m in host.names.finditer(text)
        if m.group().casefold() in host.people
        and _in_full(m.group())
        and not FORMER.search(text, max(0, m.start() - FORMER_REACH), m.start())
    ]


def _in_full(form: str) -> bool:
    """Whether a form of a name is the name in full: given name and surname, or a CJK name."""
    return bool(CJK.match(form)) or len(form.replace("-", " ").split()) > 1


def spoken_elsewhere(text: str) -> bool:
    """Whether ``text`` says a host's spokesperson, named in full, spoke other than at a briefing, in the
    name's sentence ("In a post on X, ... Lin Jian said", "Захарова в своем Telegram-канале"): an
    interview or a statement in another sentence may be someone else's."""
    return any(
        ELSEWHERE.search(text, sentence_start(text, name.start()), _sentence_end(text, name.end()))
        for host in hosts()
        for _, name in _full_names(text, host)
    )


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence holding position ``at`` ends (after its full stop, or at the line's end)."""
    end = SENTENCE_END.search(text, at)
    return end.end() if end else len(text)


def quoting_host(text: str) -> Sighting | None:
    """The one host whose spokesperson ``text`` quotes without naming a briefing ("el portavoz del
    Ministerio de Exteriores chino, Lin Jian, ha señalado"): named in full with the office or the host
    within TITLE_REACH characters (not a namesake: "歌手毛宁"), and not said to speak elsewhere in the
    name's sentence (spoken_elsewhere). None if none, if two hosts' are quoted, or if the spokesperson's
    name labels a transcript's answers (whose day is not its page's). Its ``after`` is where the name, and
    the office written just after it, end: the day written there is the day spoken (days.day_beside)."""
    if spokesperson_answering(text) or spoken_elsewhere(text):
        return None
    found = []
    for host in hosts():
        for person, name in _full_names(text, host):
            around = text[max(0, name.start() - TITLE_REACH) : name.end() + TITLE_REACH]
            if not (SPOKESPERSON_WORD.search(around) or host.own.search(around)):
                continue  # no office or host beside the name: a namesake, or the name in passing
            office = SPOKESPERSON_WORD.search(text, name.end(), name.end() + TITLE_REACH)
            end = office.end() if office and office.start() - name.end() <= OFFICE_AFTER else name.end()
            found.append(
                Sighting(host, person, name.group(), "its spokesperson quoted, no briefing named", 0, end, name.start())
            )
    return found[0] if len({s.host.id for s in found}) == 1 else None


def spokesperson_answering(body: str) -> tuple[Host, str] | None:
    """The host and spokesperson whose name labels an answer to a question ("CCTV: ..." then "Lin Jian:
    ..."): the form of a briefing's transcript, which coverage quoting the spokesperson does not take
    (of the evaluation sets' 400 captures, every one so is a transcript's copy)."""
    for item in split_items(body, None):
        if item.kind != "question" or UNNAMED_ASKER.fullmatch(item.asker) or SAYING_LABEL.search(item.asker):
            continue  # a story may set one exchange out as "Reporter: ... Mao Ning: ..."; a transcript names the outlet
        for para in item.paragraphs[1:]:
            for host in hosts():
                if para.label and (person := _named_in_full(para.label, host)):
                    return host, person
    return None


def _named_in_full(label: str, host: Host) -> str | None:
    """The spokesperson of ``host`` a speaker label names in full ("Lin Jian", "Го Цзякунь": a form and at
    most a case ending), not by a surname alone ("Lin")."""
    name = host.names.match(label)
    person = host.people.get(name.group().casefold()) if name else None
    if name is None or person is None or len(label) - name.end() > CASE_ENDING or not _in_full(name.group()):
        return None
    if SAYING_LABEL.search(label):  # "郭嘉昆說：" in a story: the spokesperson quoted, not a label
        return None
    return person


def reported_host(text: str) -> Sighting | None:
    """The host whose name stands nearest a briefing word, within NAME_REACH; None if none or a tie."""
    named_in_full = {h.people.get(m.group().casefold()) for h in hosts() for m in h.names.finditer(text)}
    sightings = []
    for word in BRIEFING_WORD.finditer(text):
        start = max(0, word.start() - NAME_REACH)
        near = text[start : word.end() + NAME_REACH]
        for host in hosts():
            for pattern in (host.names, host.surnames):
                for name in pattern.finditer(near):
                    person = host.people.get(name.group().casefold())
                    if pattern is host.surnames and person not in named_in_full:
                        continue
                    a, b = start + name.start(), start + name.end()
                    if FORMER.search(text, max(0, a - FORMER_REACH), a):
                        continue  # "日本の元内閣官房長官", "former Chief Cabinet Secretary": not the host speaking
                    distance = word.start() - b if b <= word.start() else max(0, a - word.end())
                    sightings.append(Sighting(host, person, name.group(), word.group(), distance))
    if not sightings:
        return _named_before(text)
    nearest = min(s.distance for s in sightings)
    best = [s for s in sightings if s.distance == nearest]
    return best[0] if len({s.host.id for s in best}) == 1 else None
