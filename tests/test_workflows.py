"""GitHub workflows: an actionlint-equivalent check that runs here (no Go binary, no network).

- the workflow JSON Schema vendored in check-jsonschema (SchemaStore ``github-workflow``);
- ``needs`` name existing jobs; every ``run`` script passes ``bash -n``;
- every ``${{ }}`` expression uses a known context; actions are pinned to a major version;
- the kwsite commands the workflows call exist.
"""

import json
import re
import subprocess
from importlib import resources

import jsonschema
import pytest
import yaml

from conftest import ROOT
from kwsite.cli import main

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
CONTEXTS = {
    "github",
    "env",
    "vars",
    "job",
    "jobs",
    "steps",
    "runner",
    "secrets",
    "strategy",
    "matrix",
    "needs",
    "inputs",
}
EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def load(path):
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in doc:  # YAML 1.1 reads the key `on` as true
        doc["on"] = doc.pop(True)
    return doc


def schema():
    text = (
        resources.files("check_jsonschema.builtin_schemas.vendor")
        .joinpath("github-workflows.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


def test_both_workflows_exist():
    assert [p.name for p in WORKFLOWS] == ["pr.yml", "publish.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_the_github_schema(path):
    validator = jsonschema.Draft7Validator(schema())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(load(path))]
    assert errors == []


def test_schema_check_catches_a_typo():
    doc = load(WORKFLOWS[0])
    doc["jobs"]["controle"]["runs_on"] = doc["jobs"]["controle"].pop("runs-on")
    assert list(jsonschema.Draft7Validator(schema()).iter_errors(doc))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_jobs_steps_and_expressions(path):
    doc = load(path)
    jobs = doc["jobs"]
    for name, job in jobs.items():
        needs = job.get("needs", [])
        for need in [needs] if isinstance(needs, str) else needs:
            assert need in jobs, f"{name} needs unknown job {need}"
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]
            if "run" in step:
                script = EXPR.sub("x", step["run"])
                result = subprocess.run(["bash", "-n"], input=script, text=True, capture_output=True)
                assert result.returncode == 0, f"{step.get('name')}: {result.stderr}"
    for expr in EXPR.findall(path.read_text(encoding="utf-8")):
        assert expr.split(".")[0] in CONTEXTS or re.fullmatch(r"hashFiles\('[\w/*.-]+'\)", expr), expr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_called_kwsite_commands_exist(path):
    text = path.read_text(encoding="utf-8")
    called = set(re.findall(r"kwsite (\w+) ", text)) - {"pdf"}  # pdf: guarded, comes with the PDF work
    assert called and called <= set(main.commands), called - set(main.commands)
    assert "kwsite publish . --push" in text or path.name == "pr.yml"


def _steps(path):
    return [step for job in load(path)["jobs"].values() for step in job["steps"]]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_chart_cache_is_restored_before_the_build_and_keyed_like_its_digest(path):
    steps = _steps(path)
    names = [s.get("name", s.get("uses", "")) for s in steps]
    cache = next(s for s in steps if s.get("uses") == "actions/cache@v4")
    assert cache["with"]["path"] == ".kwsite-cache"
    key = cache["with"]["key"]
    assert "hashFiles('data/**')" in key and "steps.versies.outputs.sleutel" in key
    assert cache["with"]["restore-keys"].strip() == key.replace("${{ hashFiles('data/**') }}", "")
    build = next(i for i, s in enumerate(steps) if re.search(r"kwsite (build|publish) ", s.get("run", "")))
    assert names.index(cache["name"]) < build


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_cache_key_step_prints_the_style_and_matplotlib_version(path, tmp_path):
    from importlib.metadata import version
    import sys

    from kwsite.charts import CHART_STYLE_VERSION

    step = next(s for s in _steps(path) if s.get("id") == "versies")
    out = tmp_path / "output"
    script = step["run"].replace(".venv/bin/python", sys.executable)
    subprocess.run(["bash", "-c", script], check=True, env={"GITHUB_OUTPUT": str(out), "PATH": "/usr/bin:/bin"})
    assert out.read_text() == f"sleutel=matplotlib-{version('matplotlib')}-stijl-{CHART_STYLE_VERSION}\n"


def test_pull_request_makes_the_pdf_once():
    text = (ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8")
    assert "kwsite pdf" not in text and text.count("kwsite build .") == 1
    assert "test -s site/downloads/kwaliteitsagenda.pdf" in text
