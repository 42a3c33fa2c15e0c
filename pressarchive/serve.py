"""Serve a built site on 127.0.0.1 under its base path, as GitHub Pages would.

A plain file server: it knows nothing of the build. The dev server (devserver.py)
adds its own routes and a change to the HTML it sends through ``Additions``.
"""

from __future__ import annotations

import http.server
import io
import ipaddress
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Additions:
    """Routes of the server's own (path -> content type and body, made per request), and a change to every HTML page."""

    routes: dict[str, Callable[[], tuple[str, bytes]]] = field(default_factory=dict)
    html: Callable[[bytes], bytes] | None = None


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from one folder under ``base_path``; anything else is the site's 404 page.

    Only regular files inside the folder are served: no directory listings, no
    `..` (encoded or not), no symlinks leading out.
    """

    # As GitHub Pages sends them: a capture (captures/*.txt) is text, never sniffed into a page.
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".txt": "text/plain; charset=utf-8"}

    def __init__(self, *args, folder: Path, base_path: str, additions: Additions, host: str, **kwargs):  # type: ignore[no-untyped-def]
        self.host = host
        self.folder = folder.absolute()
        self.base_path = base_path
        self.additions = additions
        super().__init__(*args, directory=str(self.folder), **kwargs)

    def send_head(self):  # type: ignore[no-untyped-def]
        if not allowed_host(self.headers.get("Host", ""), self.host):
            # DNS rebinding: a web page on another name must not read this server through the browser.
            return self.send_bytes(421, "text/plain; charset=utf-8", b"unknown Host header\n")
        route = self.additions.routes.get(urlsplit(self.path).path)
        if route is not None:
            return self.send_bytes(200, *route())
        target = self.resolve_request(self.path)
        if target is None:
            return self.send_not_found()
        if target.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            target = target / "index.html"
            if not target.is_file():
                return self.send_not_found()
        if self.additions.html is not None and target.suffix == ".html":
            return self.send_bytes(200, "text/html; charset=utf-8", self.additions.html(target.read_bytes()))
        self.path = "/" + target.relative_to(self.folder.resolve()).as_posix()
        return super().send_head()

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def send_bytes(self, status: int, content_type: str, body: bytes):  # type: ignore[no-untyped-def]
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)

    def resolve_request(self, raw_path: str) -> Path | None:
        """The file or folder a request names, or None when it is outside the site."""
        path = unquote(urlsplit(raw_path).path)
        if not path.startswith(self.base_path) or "\\" in path or "\0" in path:
            return None
        parts = path[len(self.base_path) :].split("/")
        if any(part in ("..", ".") for part in parts) or "//" in path:
            return None
        folder = self.folder.resolve()  # resolved per request: a rebuild swaps the folder in
        target = folder.joinpath(*[p for p in parts if p])
        try:
            resolved = target.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if not resolved.is_relative_to(folder) or _has_symlink(folder, target):
            return None
        return resolved

    def send_not_found(self) -> None:
        page = self.folder / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found\n"
        if self.additions.html is not None:
            body = self.additions.html(body)
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def list_directory(self, path):  # type: ignore[no-untyped-def]
        return self.send_not_found()

    def log_message(self, format: str, *args) -> None:  # type: ignore[no-untyped-def]
        pass


def allowed_host(header: str, started_on: str) -> bool:
    """True if a request's Host names this server: the host it was started on, localhost, or an IP address."""
    try:
        name = urlsplit(f"//{header}").hostname or ""
    except ValueError:
        return False
    if name in ("localhost", started_on.strip("[]").lower()):
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _has_symlink(folder: Path, target: Path) -> bool:
    """True when any step from ``folder`` down to ``target`` is a symbolic link."""
    path = target
    while path != folder and path != path.parent:
        if path.is_symlink():
            return True
        path = path.parent
    return False


def make_server(
    folder: Path, base_path: str = "/", host: str = "127.0.0.1", port: int = 8000, additions: Additions = Additions()
) -> http.server.ThreadingHTTPServer:
    handler = partial(
        SiteRequestHandler, folder=folder, base_path=posixpath.join(base_path, ""), additions=additions, host=host
    )
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server
