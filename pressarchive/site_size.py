"""What a built site weighs, against what its host publishes: GitHub Pages refuses a site over 1 GB.

Said after every build that writes (megabytes, and per article); from NEAR_LIMIT of the
limit a warning says how many articles are left at the site's own size per article, and
past it what to do. The figure is the site's own, measured from the files it holds, never
the benchmark corpus's: real articles are longer or shorter.
"""

from __future__ import annotations

from collections.abc import Callable

from .errors import BuildError

PAGES_LIMIT = 1_000_000_000  # bytes: "no larger than 1 GB", GitHub Pages' documented limit for a published site
NEAR_LIMIT = 0.9  # of the limit: warn from here


def check_size(size: int, articles: int, limit: int, strict: bool, progress: Callable[[str], None]) -> str | None:
    """Say the site's ``size`` in bytes; the warning it deserves against ``limit`` (0: none), if any.
    With ``strict`` that warning is an error (raised before the staged site is swapped in)."""
    per_article = size / max(articles, 1)
    progress(f"site size {size / 1e6:,.1f} MB ({per_article / 1e3:,.1f} KB per article)")
    if not limit or size < NEAR_LIMIT * limit:
        return None
    split = "splitting an archive into several sites is designed in docs/multi-site.md, not built"
    if size > limit:
        message = (
            f"the site is {size / 1e6:,.1f} MB, over the {limit / 1e6:,.1f} MB its host publishes (--size-limit"
            f"{'; GitHub Pages refuses a site over 1 GB' if limit == PAGES_LIMIT else ''}): publish it where no such"
            f" limit applies ({split})"
        )
    else:
        left = int((limit - size) / per_article)
        message = (
            f"the site is {size / 1e6:,.1f} MB, {size / limit:.0%} of the {limit / 1e6:,.1f} MB its host publishes"
            f" (--size-limit): about {left:,} more articles at its {per_article / 1e3:,.1f} KB per article ({split})"
        )
    if strict:
        raise BuildError(f"{message}; the previous site is unchanged")
    return message
