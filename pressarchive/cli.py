"""The command line: the only place where errors become text and exit codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import BuildError
from .importer.cli import add_import_command, run_import
from .load import MAX_FILE_BYTES
from .pipeline import BuildConfig, build, check
from .site_size import PAGES_LIMIT

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
        cache=None if args.no_cache else BuildConfig.cache,
        strict=args.strict,
        max_file_bytes=args.max_file_bytes,
        allow_empty=args.allow_empty,
        size_limit=round(getattr(args, "size_limit", 0) * 1e6),
    )
    try:
        if args.command == "serve":
            from .devserver import serve  # here, not above: `build.py build` starts faster

            return serve(config, args.host, args.port, _say, _error_text)
        if args.command == "check":
            site = check(config, warn=_warn)
            _say(f"ok: {site.summary()}")
        else:
            result = build(config, progress=_say, warn=_warn)
            changed = f"{result.changed} changed" if result.changed else "none changed"
            _say(
                f"built {result.pages} pages ({result.files} files, {changed}) into {config.out} in {result.seconds:.2f} s"
            )
    except BuildError as exc:
        _say(_error_text(exc))
        return 1
    except KeyboardInterrupt:
        _say(
            "Error: interrupted; nothing partial was written"
        )  # the output folder holds the old or the new site, whole
        return 130
    return 0


def _error_text(exc: BuildError) -> str:
    count = len(exc.errors)
    return f"Error: {exc.text}" if count <= 1 else f"Error: {count} problems found:\n{exc.text}"


def _warn(message: str) -> None:
    _say(f"Warning: {message}")


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
        "serve": "build, serve the site on 127.0.0.1, rebuild and reload pages on every change",
    }
    for name, help_text in helps.items():
        command = commands.add_parser(name, help=help_text, description=help_text)
        _add_site_options(command)
        if name in ("build", "serve"):
            command.add_argument("--no-search", action="store_true", help="skip the Pagefind search index")
            command.add_argument(
                "--size-limit",
                type=_megabytes,
                default=PAGES_LIMIT / 1e6,
                metavar="MB",
                help=f"warn when the site nears this size, its host's limit (default: {PAGES_LIMIT / 1e6:,.0f},"
                " GitHub Pages' 1 GB; 0: no check)",
            )
        if name == "serve":
            command.add_argument(
                "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)"
            )
            command.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    add_import_command(commands)
    return parser


def _megabytes(value: str) -> float:
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = -1.0
    if not 0 <= megabytes < float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r} is not a size in megabytes (0 or more)")
    return megabytes


def _add_site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    parser.add_argument("--out", type=Path, default=Path("site"), help="output folder (default: site)")
    parser.add_argument("--base-url", default="/", help="URL the site is served under, e.g. /REPO/ (default: /)")
    parser.add_argument("--drafts", action="store_true", help="include articles marked draft: true")
    parser.add_argument("--no-cache", action="store_true", help="ignore the build cache in .cache/")
    parser.add_argument(
        "--strict", action="store_true", help="treat content warnings as errors (a missing site URL stays a warning)"
    )
    parser.add_argument(
        "--allow-empty", action="store_true", help="publish even when no article is left (all drafts, say)"
    )
    parser.add_argument(
        "--max-file-bytes",
        type=int,
        default=MAX_FILE_BYTES,
        metavar="N",
        help=f"largest content file accepted (default: {MAX_FILE_BYTES})",
    )
