"""The measuring scripts' common start: build content into a temporary folder and serve it.

    with served_site(ROOT / "content") as (base_url, site):
        ...  # base_url is http://127.0.0.1:PORT/, site the built folder

The build runs as a reader's would (build.py in a fresh interpreter, search included); the
site is served by the project's own server on 127.0.0.1, on a free port, until the block ends.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressarchive.serve import make_server  # noqa: E402


@contextmanager
def served_site(content: Path) -> Iterator[tuple[str, Path]]:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        command = [sys.executable, str(ROOT / "build.py"), "--content", str(content), "--out", str(site)]
        subprocess.run(command, check=True, cwd=folder, capture_output=True)
        server = make_server(site, "/", port=0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/", site
        finally:
            server.shutdown()
            server.server_close()
