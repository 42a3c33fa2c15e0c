"""The command line: the only place where errors become text and exit codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import BuildError
from .pipeline import BuildConfig, build, check

COMMANDS = ("build", "check")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(_with_default_command(sys.argv[1:] if argv is None else argv))
    config = BuildConfig(
        content=args.content,
        out=args.out,
        base_url=args.base_url,
        drafts=args.drafts,
        search=not getattr(args, "no_search", False),
    )
    try:
        if args.command == "check":
            site = check(config)
            _say(f"ok: {len(site.articles)} articles, {len(site.briefings)} briefings, {len(site.sources)} sources")
        else:
            result = build(config, progress=_say)
            _say(f"built {result.pages} pages ({result.files} files) into {config.out} in {result.seconds:.2f} s")
    except BuildError as exc:
        count = len(exc.errors)
        _say(f"Error: {exc.text}" if count <= 1 else f"Error: {count} problems found:\n{exc.text}")
        return 1
    return 0


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _with_default_command(argv: list[str]) -> list[str]:
    """`python build.py --out x` means `python build.py build --out x`."""
    if argv and argv[0] in (*COMMANDS, "-h", "--help"):
        return argv
    return ["build", *argv]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build the press-briefing coverage archive.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("build", "build the site (the default)"), ("check", "validate the content without writing")):
        command = commands.add_parser(name, help=help_text, description=help_text)
        _add_site_options(command)
        if name == "build":
            command.add_argument("--no-search", action="store_true", help="skip the Pagefind search index")
    return parser


def _add_site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    parser.add_argument("--out", type=Path, default=Path("site"), help="output folder (default: site)")
    parser.add_argument("--base-url", default="/", help="URL the site is served under, e.g. /REPO/ (default: /)")
    parser.add_argument("--drafts", action="store_true", help="include articles marked draft: true")
