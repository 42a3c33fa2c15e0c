"""Every URL rule in one place: where each page lives and how links carry the base URL."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit


@dataclass(frozen=True)
class Urls:
    """Turns site-relative paths ("articles/x/") into links under the configured base URL.

    The base is a path ("/", "/REPO/") or an absolute URL ("https://example.org/REPO/");
    links are always root-relative to the base path, so the same pages work at "/",
    under a GitHub Pages project path, and on a 404 page served at any depth.
    """

    base_path: str
    origin: str  # "https://example.org", or "" when the base URL is a bare path

    @classmethod
    def from_base_url(cls, base_url: str) -> Urls:
        parts = urlsplit(base_url)
        if parts.scheme and parts.scheme not in ("http", "https") or parts.query or parts.fragment:
            raise ValueError(f"--base-url '{base_url}' must be a path such as /REPO/ or an http(s) URL")
        if not parts.scheme and (parts.netloc or not base_url.startswith("/")):
            raise ValueError(f"--base-url '{base_url}' must start with / (for example /REPO/) or be an http(s) URL")
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme else ""
        return cls(path, origin)

    def with_origin(self, site_url: str | None) -> Urls:
        """Take the origin from ``site_url`` (site.yaml `url`) when the base URL is a bare path."""
        if self.origin or not site_url:
            return self
        parts = urlsplit(site_url)
        return Urls(self.base_path, f"{parts.scheme}://{parts.netloc}")

    def link(self, path: str) -> str:
        """The href for a site-relative path."""
        return self.base_path + path

    def absolute(self, path: str) -> str:
        """A full URL where the base URL has an origin, otherwise the root-relative link."""
        return self.origin + self.link(path)


def display_url(url: str) -> str:
    """A URL as a reader reads it: percent-escaped UTF-8 decoded (the link itself keeps the exact URL).

    Left as it is when the escapes are not UTF-8 text or would show control characters or spaces.
    """
    try:
        shown = unquote(url, errors="strict")
    except UnicodeDecodeError:
        return url
    return shown if shown.isprintable() and not any(c.isspace() for c in shown) else url


def out_path(path: str) -> str:
    """The file that serves a site-relative path: clean URLs end in /index.html."""
    return path + "index.html" if path.endswith("/") or not path else path


def article_path(slug: str) -> str:
    return f"articles/{slug}/"


def briefing_path(briefing_id: str) -> str:
    return f"briefings/{briefing_id}/"


def source_path(source_id: str) -> str:
    return f"sources/{source_id}/"


def tag_path(tag: str) -> str:
    return f"tags/{quote(tag_slug(tag))}/"


TAG_SLUG_CHARS = 60  # well inside the 255-byte file-name limit, even for 4-byte characters


@functools.lru_cache(maxsize=65536)  # an archive repeats a few hundred tags many thousand times
def tag_slug(tag: str) -> str:
    """Tags are free text; their folder name is a lowercase, hyphenated form.

    A long tag is cut and given a short hash of the whole tag, so it stays unique.
    """
    words = "".join(c if c.isalnum() else " " for c in tag.casefold()).split()
    slug = "-".join(words) or "tag"
    if len(slug) <= TAG_SLUG_CHARS:
        return slug
    digest = hashlib.sha256(tag.casefold().encode("utf-8")).hexdigest()[:8]
    return f"{slug[:TAG_SLUG_CHARS].rstrip('-')}-{digest}"


def archive_path(year: int | None = None, month: int | None = None) -> str:
    if year is None:
        return "archive/"
    return f"archive/{year:04d}/" if month is None else f"archive/{year:04d}/{month:02d}/"


def paged_path(path: str, page: int) -> str:
    """Page 1 of a list lives at its own path; page n at PATH/page/n/."""
    return path if page == 1 else f"{path}page/{page}/"


def feed_path(kind: str, key: str = "") -> str:
    """feeds/all.xml, feeds/sources/<id>.xml, feeds/briefings/<id>.xml."""
    return "feeds/all.xml" if kind == "all" else f"feeds/{kind}/{key}.xml"
