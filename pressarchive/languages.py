"""Language names for readers: "zh" is shown as "Chinese", "pt-BR" as "Portuguese (Brazil)".

langcodes (with language-data) knows the IETF tags and their English names, which a
hand-written table would keep getting wrong; an unknown code is shown as it is.
"""

from __future__ import annotations

from functools import lru_cache

import langcodes


@lru_cache(maxsize=512)
def language_name(code: str) -> str:
    try:
        name = langcodes.Language.get(code).display_name()
    except (ValueError, LookupError):
        return code
    return code if name.startswith("Unknown language") else name
