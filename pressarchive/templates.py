"""Templates: the Jinja environment, and a planned Page rendered to bytes.

Autoescape is on and undefined names are errors; only the sanitised Markdown HTML
and the cards made here are marked safe. A card (templates/_card.html) is rendered
once per article and reused by every list that shows it.
"""

from __future__ import annotations

import hashlib
import traceback
from pathlib import Path

import jinja2
from markupsafe import Markup

from .cache import CODE_VERSION, BuildCache
from .cards import Card
from .errors import BuildError
from .meta import HeadMeta, feed_links
from .model import Site
from .pages import Page
from .urls import Urls, tag_path


class Templates:
    """Renders pages with the templates in one folder, for one site at one set of URLs."""

    def __init__(self, folder: Path, site: Site, urls: Urls, cache: BuildCache):
        self.site = site
        self.urls = urls
        self.key = build_key(site, urls, folder)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(folder),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # one Environment per build: no need to stat every template at each use
            bytecode_cache=_CompiledTemplates(cache) if cache.enabled else None,
        )
        for name in self.env.list_templates(filter_func=lambda name: name.endswith(".html")):
            self.env.get_template(name)  # compiled here, once, rather than in each rendering process
        self.env.globals.update(link=urls.link, site=site.info, tag_link=self.tag_link, card_html=self.card_html)
        self.cards: dict[tuple[str, bool, bool, str], Markup] = {}

    def render(self, page: Page) -> bytes:
        page = page.planned() if page.planned else page  # (kept from the last build: planned only now)
        try:
            template = self.env.get_template(page.template)
            meta = self.head_meta(page)
            lang = page.language or self.site.info.language
            html = template.render(page=page, meta=meta, lang=lang, **page.context())
        except BuildError:
            raise
        except Exception as exc:  # a template's mistake: name the template, its line, and what was being rendered
            raise BuildError(_template_problem(page, exc)) from None
        return html.encode("utf-8")

    def head_meta(self, page: Page) -> HeadMeta:
        """What every page shares: the canonical URL and the archive feed."""
        meta = page.meta() if page.meta else HeadMeta(self.site.info.description)
        canonical = self.urls.absolute(page.path) if self.urls.origin and page.path != "404.html" else ""
        feeds = meta.feeds or feed_links(self.site, self.urls)
        return HeadMeta(
            meta.description, meta.og_type, canonical, feeds, meta.prev, meta.next, meta.json_ld, meta.extra_og
        )

    def tag_link(self, tag: str) -> str:
        return self.urls.link(tag_path(tag))

    def card_html(self, card: Card, show_source: bool, show_excerpt: bool, lang: str) -> Markup:
        key = (card.path, show_source, show_excerpt, lang)
        if key not in self.cards:
            template = self.env.get_template("_card.html")
            html = template.render(card=card, show_source=show_source, show_excerpt=show_excerpt, lang=lang)
            self.cards[key] = Markup(html.removesuffix("\n"))
        return self.cards[key]


def _template_problem(page: Page, exc: Exception) -> str:
    where = page.template
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.name:
        where = f"{exc.name} line {exc.lineno}"
    else:
        frames = traceback.extract_tb(exc.__traceback__)
        lines = [f for f in frames if f.filename.endswith(".html") and not f.filename.startswith("<")]
        if lines:
            where = f"{Path(lines[-1].filename).name} line {lines[-1].lineno}"
    made_from = f"{page.src_path}: " if page.src_path else ""
    return f"{made_from}template {where}: {type(exc).__name__}: {exc} (while rendering /{page.path})"


def build_key(site: Site, urls: Urls, templates: Path) -> str:
    """What every page depends on: the code, the templates, the site's settings and URLs."""
    digest = hashlib.sha256(f"{CODE_VERSION}\0{site.info!r}\0{urls!r}".encode())
    for path in sorted(templates.rglob("*")):
        if path.is_file():
            digest.update(b"\0" + path.relative_to(templates).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates kept in the build cache: a rebuild need not compile them again."""

    def __init__(self, cache: BuildCache):
        self.cache = cache

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.cache.compiled(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.cache.put_compiled(bucket.key, bucket.bytecode_to_string())
