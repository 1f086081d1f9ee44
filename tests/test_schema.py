"""JSON Schema for editors (kwsite/schema.py): committed = generated, the real data pass,
a typo'd key is refused as an editor's YAML extension would refuse it."""

import json

import jsonschema
import pytest
import yaml

from conftest import MINI, ROOT
from kwsite.loaded import FILES
from kwsite.schema import schemas, stale

SCHEMA_DIR = ROOT / "schema"


def validator(key: str):
    schema = json.loads((SCHEMA_DIR / f"{key}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_is_the_generated_one():
    assert stale(SCHEMA_DIR) == [], "draai 'kwsite schema' en commit schema/"
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")) == sorted(schemas())


def test_editor_settings_map_every_data_file():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    for key, (file, _, _) in FILES.items():
        assert f"data/{file}" in mapped[f"./schema/{key}.schema.json"]
        assert (ROOT / "schema" / f"{key}.schema.json").is_file()


@pytest.mark.parametrize("root", [ROOT, MINI], ids=["flagship", "mini"])
@pytest.mark.parametrize("key", sorted(FILES))
def test_real_data_pass_the_schema(root, key):
    path = root / "data" / FILES[key][0]
    if not path.is_file():
        pytest.skip("no such file in this site")
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [e.message for e in validator(key).iter_errors(doc)]
    assert errors == []


def test_schema_rejects_a_typod_key():
    doc = yaml.safe_load((ROOT / "data" / "indicators.yaml").read_text(encoding="utf-8"))
    doc["indicators"][0]["baseline"]["yaer"] = 2017  # typo of 'year'
    errors = list(validator("indicators").iter_errors(doc))
    assert len(errors) == 1 and list(errors[0].absolute_path) == ["indicators", 0, "baseline"]
    best = jsonschema.exceptions.best_match(errors)  # what an editor shows: the branch that nearly fits
    assert "'yaer' was unexpected" in best.message


def test_schema_rejects_a_wrong_kind_and_a_typod_top_key():
    v = validator("indicators")
    doc = {"indicators": [{"id": "1a", "theme": "t", "name": "N", "unit": "procent"}]}
    assert any("procent" in e.message for e in v.iter_errors(doc))
    assert any("'indicator' was unexpected" in e.message for e in v.iter_errors({"indicator": []}))


def test_cli_check_reports_stale_schema(tmp_path):
    from click.testing import CliRunner

    from kwsite.cli import main

    runner = CliRunner()
    assert runner.invoke(main, ["schema", "-o", str(tmp_path)]).exit_code == 0
    assert runner.invoke(main, ["schema", "--check", "-o", str(tmp_path)]).exit_code == 0
    (tmp_path / "units.schema.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(main, ["schema", "--check", "-o", str(tmp_path)])
    assert result.exit_code == 1 and "units.schema.json" in result.output


@pytest.mark.parametrize("template, key", [("indicator.yaml", "indicators"), ("maatregel.yaml", "measures")])
def test_author_templates_pass_the_schema(template, key):
    text = (ROOT / "templates" / template).read_text(encoding="utf-8")
    doc = yaml.safe_load(f"{key}:\n{text}")
    assert [e.message for e in validator(key).iter_errors(doc)] == []
