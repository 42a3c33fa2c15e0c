"""`build.py serve`: build, serve, rebuild when content or templates change; pages reload themselves.

The file server (serve.py) injects a small polling script into the HTML it sends
(never into the files on disk). The script asks /__pressarchive/status for the build
number and the last error: a new number reloads the page, an error is shown over it
while the last good build keeps being served.
"""

from __future__ import annotations

import json
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import watchfiles

from .errors import BuildError
from .pipeline import BuildConfig, build, site_urls
from .serve import Additions, make_server

STATUS_PATH = "/__pressarchive/status"
SCRIPT_PATH = "/__pressarchive/live.js"
# Served as a file, not inline, so the pages' Content-Security-Policy (script-src 'self') allows it.
SCRIPT_TAG = f'<script src="{SCRIPT_PATH}"></script>\n'
LIVE_SCRIPT = """/* served by build.py serve; not part of the built site */
(function () {
  var seen = null;
  function show(error) {
    var box = document.getElementById("pressarchive-error");
    if (!error) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "pressarchive-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;background:#6b0000;" +
        "color:#fff;padding:1rem;font:14px/1.4 monospace;white-space:pre-wrap;z-index:2147483647";
      document.body.appendChild(box);
    }
    box.textContent = "Build failed; still serving the last good build.\\n\\n" + error;
  }
  function poll() {
    fetch("__STATUS__", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (seen === null) seen = s.build;
      else if (s.build !== seen) { location.reload(); return; }
      show(s.error);
      setTimeout(poll, 300);
    }).catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
""".replace("__STATUS__", STATUS_PATH)


@dataclass
class LiveState:
    """What the page script polls: the number of the last good build and the current error."""

    build: int = 0
    error: str = ""

    def status_json(self) -> bytes:
        return json.dumps({"build": self.build, "error": self.error}).encode("utf-8")

    def additions(self) -> Additions:
        """What the file server adds to the site: the status, the script, and the script in every page."""
        routes: dict[str, Callable[[], tuple[str, bytes]]] = {
            STATUS_PATH: lambda: ("application/json", self.status_json()),
            SCRIPT_PATH: lambda: ("text/javascript; charset=utf-8", LIVE_SCRIPT.encode("utf-8")),
        }
        return Additions(routes, inject)


def inject(html: bytes) -> bytes:
    """The page with the live-reload script before </body>."""
    marker = html.rfind(b"</body>")
    script = SCRIPT_TAG.encode("utf-8")
    return html + script if marker < 0 else html[:marker] + script + html[marker:]


class LiveBuilder:
    """Rebuilds on every change; keeps the last good site when a build fails."""

    def __init__(self, config: BuildConfig, say: Callable[[str], None], describe: Callable[[BuildError], str]):
        self.config = config
        self.say = say
        self.describe = describe
        self.state = LiveState()
        self.lock = threading.Lock()

    def rebuild(self) -> bool:
        with self.lock:
            try:
                result = build(self.config, progress=lambda _: None)
            except BuildError as exc:
                self.state.error = self.describe(exc)
                self.say(f"{self.state.error}\n(still serving the last good build)")
                return False
            except Exception as exc:  # a bug in the build, not the content: report it and keep watching
                self.state.error = (
                    f"Error: unexpected {type(exc).__name__}: {exc} (a bug in build.py; please report it)"
                )
                self.say(f"{traceback.format_exc()}{self.state.error}\n(still serving the last good build)")
                return False
            self.state.build += 1
            self.state.error = ""
            self.say(f"rebuilt {result.pages} pages in {result.seconds:.2f} s")
            return True

    def watch(self, stop: threading.Event) -> None:
        """Rebuild after each batch of changes under the content and template folders."""
        folders = [str(p) for p in (self.config.content, self.config.templates) if Path(p).exists()]
        for changes in watchfiles.watch(*folders, stop_event=stop, debounce=200, step=50):
            names = sorted({Path(path).name for _, path in changes})
            self.say(f"changed: {', '.join(names[:5])}{' ...' if len(names) > 5 else ''}")
            self.rebuild()


def serve(
    config: BuildConfig, host: str, port: int, say: Callable[[str], None], describe: Callable[[BuildError], str]
) -> int:
    """Build, serve, and rebuild on every change until Ctrl+C."""
    base_path = site_urls(config).base_path
    live = LiveBuilder(config, say, describe)
    server = make_server(config.out, base_path, host, port, additions=live.state.additions())
    local_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    origin = f"http://{local_host}:{server.server_address[1]}"
    live.config = replace(config, site_url=origin)
    if not live.rebuild() and not (config.out / "index.html").is_file():
        server.server_close()
        return 1
    stop = threading.Event()
    watcher = threading.Thread(target=live.watch, args=(stop,), daemon=True)
    watcher.start()
    say(f"serving {config.out} at {origin}{base_path} (watching {config.content} and the templates; Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
    return 0
