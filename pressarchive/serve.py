"""Serve a built site on 127.0.0.1 under its base path, as GitHub Pages would."""

from __future__ import annotations

import http.server
import posixpath
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from one folder under ``base_path``; anything else is the site's 404 page.

    Only regular files inside the folder are served: no directory listings, no
    `..` (encoded or not), no symlinks leading out.
    """

    def __init__(self, *args, folder: Path, base_path: str, **kwargs):  # type: ignore[no-untyped-def]
        self.folder = folder.resolve()
        self.base_path = base_path
        super().__init__(*args, directory=str(self.folder), **kwargs)

    def send_head(self):  # type: ignore[no-untyped-def]
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
        self.path = "/" + target.relative_to(self.folder).as_posix()
        return super().send_head()

    def resolve_request(self, raw_path: str) -> Path | None:
        """The file or folder a request names, or None when it is outside the site."""
        path = unquote(urlsplit(raw_path).path)
        if not path.startswith(self.base_path) or "\\" in path or "\0" in path:
            return None
        parts = path[len(self.base_path) :].split("/")
        if any(part in ("..", ".") for part in parts) or "//" in path:
            return None
        target = self.folder.joinpath(*[p for p in parts if p])
        try:
            resolved = target.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if not resolved.is_relative_to(self.folder) or target.is_symlink():
            return None
        return resolved

    def send_not_found(self):  # type: ignore[no-untyped-def]
        page = self.folder / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found\n"
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


def make_server(folder: Path, base_path: str = "/", host: str = "127.0.0.1", port: int = 8000) -> http.server.ThreadingHTTPServer:
    handler = partial(SiteRequestHandler, folder=folder, base_path=posixpath.join(base_path, ""))
    return http.server.ThreadingHTTPServer((host, port), handler)
