"""Crawl the built bundled site, served under /REPO/, as a browser and a feed reader would: no broken links."""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from conftest import serve_folder

PUBLIC = "https://example.org/REPO/"
LINK_ATTRS = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("form", "action"))


@pytest.fixture(scope="module")
def served(absolute_site: Path) -> Iterator[str]:
    yield from serve_folder(absolute_site, "/REPO/")


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, "", b""


def links_in(url: str, content_type: str, body: bytes) -> list[str]:
    """Every URL a page, feed or sitemap points at, made absolute."""
    if content_type == "text/html":
        soup = BeautifulSoup(body, "html.parser")
        found = [tag.get(attr) for name, attr in LINK_ATTRS for tag in soup.find_all(name) if tag.get(attr)]
        found += [fragment_target(soup, href) for href in found if href.startswith("#")]
        return [h if h.startswith("missing-fragment") else urljoin(url, h) for h in found if h]
    if url.endswith(".xml"):
        root = ET.fromstring(body)
        hrefs = [e.get("href") for e in root.iter() if e.tag.endswith("}link")]
        locs = [e.text for e in root.iter() if e.tag.endswith("}loc") or e.tag.endswith("}id")]
        return [h for h in hrefs + locs if h]
    if url.endswith("robots.txt"):
        return [line.split(": ", 1)[1] for line in body.decode().splitlines() if line.startswith("Sitemap: ")]
    return []


def fragment_target(soup: BeautifulSoup, href: str) -> str:
    """A same-page #fragment must name an element; a missing one is reported as a broken URL."""
    return "" if href == "#" or soup.find(id=href[1:]) else f"missing-fragment-{href[1:]}"


def crawl(start: str) -> tuple[set[str], dict[str, str]]:
    origin = f"{urlsplit(start).scheme}://{urlsplit(start).netloc}"
    queue = [start, start + "sitemap.xml", start + "robots.txt", start + "404.html"]
    seen: set[str] = set()
    broken: dict[str, str] = {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, content_type, body = fetch(url)
        if status != 200:
            broken[url] = f"HTTP {status}"
            continue
        for link in links_in(url, content_type, body):
            local = urldefrag(link.replace(PUBLIC, start, 1))[0]
            if local.startswith(origin) and local not in seen:
                queue.append(local)
            elif link.startswith("missing-fragment"):
                broken[link] = f"from {url}"
    return seen, broken


def test_every_internal_link_feed_and_sitemap_url_resolves(served: str) -> None:
    seen, broken = crawl(served)
    assert broken == {}
    paths = {urlsplit(u).path for u in seen}
    for expected in ("/REPO/feeds/all.xml", "/REPO/tags/ainu/", "/REPO/archive/2025/12/", "/REPO/static/style.css"):
        assert expected in paths
    assert len(seen) > 25


def test_the_crawler_reports_a_broken_link(absolute_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(absolute_site, site)
    page = site / "sources" / "index.html"
    page.write_text(
        page.read_text().replace("</main>", '<a href="/REPO/no-such-page/">x</a><a href="#nowhere">y</a></main>')
    )
    for start in serve_folder(site, "/REPO/"):
        _, broken = crawl(start)
    assert sorted(broken) == [start + "no-such-page/", "missing-fragment-nowhere"]
