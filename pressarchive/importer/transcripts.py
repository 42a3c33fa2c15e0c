"""Is a capture a briefing's own transcript? What its transcript file says of where it came from.

A capture is a transcript when its title names a briefing ("Regular Press Conference",
"Department Press Briefing", "例行记者会") and its text holds the briefing's turns: a question
under one speaker label answered under another (transcript.py reads "Q:", "QUESTION:",
"Beijing Youth Daily:", "Guo Jiakun:", "问："). Coverage quoting an exchange is not titled as
the briefing itself; a spokesperson's written answers ("Remarks on ...") name no briefing. On a
host's own site (hosts.yaml `sites:`) a page whose opening calls itself a briefing's transcript
counts too (the UN's "near-verbatim transcript of today's briefing" puts its questions last). A
transcript found elsewhere than on its host's site (a mirror, a portal) is kept as the copy it
is: its file says where the copy was found. `--as article` or `--as transcript` decides instead.
"""

from __future__ import annotations

import re
from typing import Any

from ..transcript import split_items
from .days import BRIEFING_WORD
from .hosts import Host

SAYS_TRANSCRIPT = re.compile(r"transcript|verbatim|стенограмм|实录|全文|記者会見録", re.IGNORECASE)
OPENING = 400  # characters of the text where a page says it is a transcript


def transcript_reason(title: str | None, body: str, official: Host | None, site: str | None) -> str | None:
    """Why the capture reads as a transcript; None when it reads as coverage."""
    where = f", on {site}, {official.name}'s own site" if official else ""
    if title and BRIEFING_WORD.search(title):
        exchanges = sum(item.kind == "question" and len(item.paragraphs) > 1 for item in split_items(body, None))
        if exchanges:
            answered = f"{exchanges} question{'s' if exchanges != 1 else ''} answered under speaker labels"
            return f"{answered} under a title naming a briefing{where}"
    opening = f"{title or ''}\n{body[:OPENING]}"
    if official and SAYS_TRANSCRIPT.search(opening) and BRIEFING_WORD.search(opening):
        return f"it calls itself a briefing's transcript{where}"
    return None


def provenance(url: str | None, site: str | None, official: Host | None) -> dict[str, Any]:
    """Where the transcript was published, for its front matter; a copy says where it was found."""
    if not url:
        return {}
    if official:
        return {"url": url}
    return {
        "url": url,
        "extra": {"copy_found_at": site, "copy_note": "Not the host's own site: a copy of the transcript."},
    }
