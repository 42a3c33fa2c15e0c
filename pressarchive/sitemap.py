"""sitemap.xml and robots.txt: every page's absolute URL, listed for crawlers."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from .urls import Urls

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap_xml(urls: Urls, pages: list[tuple[str, str]]) -> bytes:
    """``pages`` is a list of (site-relative path, lastmod date or "")."""
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    for path, lastmod in sorted(set(pages)):
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = urls.absolute(path)
        if lastmod:
            ET.SubElement(entry, "lastmod").text = lastmod
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def robots_txt(urls: Urls) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if urls.origin:
        lines.append(f"Sitemap: {urls.absolute('sitemap.xml')}")
    return ("\n".join(lines) + "\n").encode("utf-8")
