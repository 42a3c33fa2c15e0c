"""Soak test (not in CI): random edits, kill -9s and concurrent builds against a generated archive.

Each step does one of: an edit (new title, body, an edit keeping size and mtime, a new or
deleted article) followed by a build; a build killed with SIGKILL at a random moment; two
builds started together (one must be refused by the lock, or both finish). After every step
the site is built again with the cache and compared, pages only (Pagefind's index file names
vary between runs), with a --no-cache build of the same content. Prints one line per step and
a summary; exits 1 at the first difference.

    .venv/bin/python scripts/soak.py --steps 100 --articles 2000 --work /dev/shm/soak
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressarchive.bench import generate_corpus  # noqa: E402


def run(work: Path, out: str, *options: str) -> subprocess.Popen[str]:
    command = [sys.executable, str(ROOT / "build.py"), "--content", "content", "--out", out, *options]
    return subprocess.Popen(command, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def build(work: Path, out: str = "site", *options: str) -> tuple[int, str]:
    process = run(work, out, *options)
    _, stderr = process.communicate()
    return process.returncode, stderr


def pages(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).as_posix().startswith("pagefind/")
    }


def edit(rng: random.Random, content: Path) -> str:
    articles = sorted((content / "articles").rglob("*.md"))
    victim = rng.choice(articles)
    text = victim.read_text()
    kind = rng.choice(["title", "body", "same-size", "new", "delete"])
    if kind == "title":
        victim.write_text(text.replace("title: ", f"title: Edited {rng.randrange(10**6)} ", 1))
    elif kind == "body":
        victim.write_text(text + f"\nA new paragraph {rng.randrange(10**6)}.\n")
    elif kind == "same-size":
        status = victim.stat()
        position = text.rindex("\n", 0, len(text) - 1) + 1  # a letter of the last line, swapped for another
        letters = [i for i in range(position, len(text)) if text[i].isalpha()]
        if not letters:
            return edit(rng, content)
        i = rng.choice(letters)
        victim.write_text(text[:i] + ("x" if text[i] != "x" else "y") + text[i + 1 :])
        os.utime(victim, ns=(status.st_atime_ns, status.st_mtime_ns))
    elif kind == "new":
        slug = f"soak-{rng.randrange(10**9)}"
        victim.with_name(f"{slug}.md").write_text(text.replace("title: ", f"slug: {slug}\ntitle: New ", 1))
    elif len(articles) > 10:
        victim.unlink()
    return f"{kind} {victim.name}"


def killed(rng: random.Random, work: Path) -> str:
    process = run(work, "site")
    time.sleep(rng.uniform(0.05, 3.0))
    process.send_signal(signal.SIGKILL)
    process.communicate()
    return "kill -9"


def concurrent(work: Path) -> str:
    first, second = run(work, "site"), run(work, "site")
    codes = []
    for process in (first, second):
        _, stderr = process.communicate()
        if process.returncode != 0 and "another build (process" not in stderr:
            raise SystemExit(f"a concurrent build failed otherwise:\n{stderr}")
        codes.append(process.returncode)
    return f"two at once (exit {codes[0]}, {codes[1]})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/pressarchive-soak"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    shutil.rmtree(args.work, ignore_errors=True)
    generate_corpus(args.work / "content", args.articles, seed=args.seed)
    code, stderr = build(args.work)
    assert code == 0, stderr
    started = time.perf_counter()
    counts: dict[str, int] = {}
    for step in range(1, args.steps + 1):
        action = rng.choice(["edit", "edit", "kill", "concurrent"])
        counts[action] = counts.get(action, 0) + 1
        what = {"edit": lambda: edit(rng, args.work / "content"), "kill": lambda: killed(rng, args.work)}.get(
            action, lambda: concurrent(args.work)
        )()
        code, stderr = build(args.work)
        if code != 0:
            print(f"step {step}: {what}: the build after it failed:\n{stderr}")
            return 1
        shutil.rmtree(args.work / "clean", ignore_errors=True)
        code, stderr = build(args.work, "clean", "--no-cache", "--no-search")
        assert code == 0, stderr
        same = pages(args.work / "site") == pages(args.work / "clean")
        leftovers = sorted(p.name for p in args.work.iterdir() if p.name.startswith((".site-build-", ".site-old-")))
        print(f"step {step}: {what}: {'same' if same else 'DIFFERENT'}{f' leftovers {leftovers}' if leftovers else ''}")
        if not same or leftovers:
            return 1
    minutes = (time.perf_counter() - started) / 60
    print(f"{args.steps} steps ({counts}), every site equal to a --no-cache build, in {minutes:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
