"""sitemap.xml and robots.txt: every page's absolute URL, listed for crawlers."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from .urls import Urls

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000  # per sitemap file, by the sitemaps.org protocol; beyond it, sitemap.xml becomes an index


def sitemap_names(count: int, limit: int = MAX_URLS) -> list[str]:
    """The sitemap files for ``count`` pages (see sitemap_files)."""
    if count <= limit:
        return ["sitemap.xml"]
    return ["sitemap.xml", *(f"sitemap-{n + 1}.xml" for n in range(-(-count // limit)))]


def sitemap_files(urls: Urls, pages: list[tuple[str, str]], limit: int = MAX_URLS) -> dict[str, bytes]:
    """sitemap.xml, or when there are more than ``limit`` pages an index of sitemap-1.xml, sitemap-2.xml, ..."""
    listed = sorted(set(pages))
    if len(listed) <= limit:
        return {"sitemap.xml": sitemap_xml(urls, listed)}
    parts = {
        f"sitemap-{n + 1}.xml": listed[start : start + limit] for n, start in enumerate(range(0, len(listed), limit))
    }
    files = {name: sitemap_xml(urls, chunk) for name, chunk in parts.items()}
    root = ET.Element("sitemapindex", {"xmlns": SITEMAP_NS})
    for name in parts:
        ET.SubElement(ET.SubElement(root, "sitemap"), "loc").text = urls.absolute(name)
    ET.indent(root)
    files["sitemap.xml"] = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"
    return files


def sitemap_xml(urls: Urls, pages: list[tuple[str, str]]) -> bytes:
    """``pages`` is a list of (site-relative path, lastmod date or "")."""
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    for path, lastmod in sorted(set(pages)):
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = urls.absolute(path)
        if lastmod:
            ET.SubElement(entry, "lastmod").text = lastmod
    ET.indent(root)
    return _xml(root)


def robots_txt(urls: Urls) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if urls.origin:
        lines.append(f"Sitemap: {urls.absolute('sitemap.xml')}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _xml(root: ET.Element) -> bytes:
    body: bytes = ET.tostring(root, encoding="utf-8")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body + b"\n"
