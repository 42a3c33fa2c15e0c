"""The GitHub Pages workflow: build, then a deploy job that needs it, with the permissions Pages requires."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def load() -> dict:  # type: ignore[type-arg]
    data = yaml.safe_load(WORKFLOW.read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def uses(job: dict) -> list[str]:  # type: ignore[type-arg]
    return [step["uses"] for step in job["steps"] if "uses" in step]


def test_triggers_permissions_and_concurrency() -> None:
    workflow = load()
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    assert workflow["concurrency"]["group"]


def test_build_then_deploy() -> None:
    jobs = load()["jobs"]
    build, deploy = jobs["build"], jobs["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert any(u.startswith("actions/deploy-pages@") for u in uses(deploy))
    build_uses = uses(build)
    for action in ("actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact"):
        assert any(u.startswith(action + "@") for u in build_uses), action
    assert all(re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", u) for u in build_uses + uses(deploy))
    runs = "\n".join(step.get("run", "") for step in build["steps"])
    assert "pip install -r requirements.txt" in runs
    assert "steps.pages.outputs.base_url" in runs and "build.py build" in runs
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
