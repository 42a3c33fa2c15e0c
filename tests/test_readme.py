"""The README's two quick-start commands stay true: every file and command they name exists and runs."""

from __future__ import annotations

import re
import shlex

from conftest import ROOT, run_build


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, flags=re.S)


def test_readme_starts_with_a_serve_command_and_a_test_command() -> None:
    serve, tests = quick_start_commands()[:2]
    assert serve.endswith(".venv/bin/python build.py serve")
    assert tests.endswith(".venv/bin/python -m pytest")
    for command in (serve, tests):
        for part in command.split("&&"):
            words = shlex.split(part)
            if "-r" in words:
                assert (ROOT / words[words.index("-r") + 1]).is_file(), part
    assert (ROOT / "package-lock.json").is_file()  # `npm ci` needs it


def test_the_commands_the_readme_names_exist() -> None:
    for command in ("serve", "build", "check"):
        result = run_build(command, "--help")
        assert result.returncode == 0, result.stderr
    assert "bash .ci/run" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/python -m pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
