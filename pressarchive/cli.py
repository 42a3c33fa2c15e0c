"""The command line: the only place where errors become text and exit codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import BuildError
from .importer.cli import add_import_command, run_import
from .pipeline import BuildConfig, build, check
from .serve import make_server
from .urls import Urls

COMMANDS = ("build", "check", "serve", "import")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(_with_default_command(sys.argv[1:] if argv is None else argv))
    if args.command == "import":
        return run_import(args)
    config = BuildConfig(
        content=args.content,
        out=args.out,
        base_url=args.base_url,
        drafts=args.drafts,
        search=not getattr(args, "no_search", False),
    )
    try:
        if args.command == "serve":
            return _serve(config, args.host, args.port)
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


def _serve(config: BuildConfig, host: str, port: int) -> int:
    result = build(config, progress=_say)
    _say(f"built {result.pages} pages into {config.out} in {result.seconds:.2f} s")
    server = make_server(config.out, Urls.from_base_url(config.base_url).base_path, host, port)
    _say(f"serving {config.out} at http://{host}:{server.server_address[1]}{Urls.from_base_url(config.base_url).base_path} (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
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
    helps = {
        "build": "build the site (the default)",
        "check": "validate the content without writing",
        "serve": "build, then serve the site on 127.0.0.1",
    }
    for name, help_text in helps.items():
        command = commands.add_parser(name, help=help_text, description=help_text)
        _add_site_options(command)
        if name in ("build", "serve"):
            command.add_argument("--no-search", action="store_true", help="skip the Pagefind search index")
        if name == "serve":
            command.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
            command.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    add_import_command(commands)
    return parser


def _add_site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    parser.add_argument("--out", type=Path, default=Path("site"), help="output folder (default: site)")
    parser.add_argument("--base-url", default="/", help="URL the site is served under, e.g. /REPO/ (default: /)")
    parser.add_argument("--drafts", action="store_true", help="include articles marked draft: true")
