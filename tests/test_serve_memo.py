"""What `kwsite serve` keeps between rebuilds of one session outside page generation (#20): the parse of
each YAML file of data/ (kwsite.load), placeholder warnings per file (kwsite.placeholders) and timeline
entries per text (kwsite.timeline): reused only for the same text, so an edit is always seen."""

import shutil
from decimal import Decimal

from conftest import ROOT, edit

import kwsite.load as load
from kwsite import placeholders
from kwsite.timeline import parse_entry

MINI = ROOT / "tests" / "fixtures" / "mini"


def _target(site, ident: str, year: int):
    indicator = next(i for i in site.indicators if i.id == ident)
    return next(t.value for t in indicator.targets if t.year == year)


def test_a_yaml_file_is_parsed_again_only_when_its_text_changes(tmp_path, monkeypatch):
    work = tmp_path / "site"
    shutil.copytree(MINI, work)
    parsed = []
    real = load.load_yaml
    monkeypatch.setattr(load, "load_yaml", lambda text, name, **kw: parsed.append(name) or real(text, name, **kw))
    monkeypatch.setattr(load, "_PARSED", {})
    first, _ = load.load_site(work / "data")
    assert "data/indicators.yaml" in parsed and "data/units.yaml" in parsed
    parsed.clear()
    again, _ = load.load_site(work / "data")
    assert parsed == []  # nothing changed: nothing parsed
    assert again == first  # the same site from the remembered parses (they were not changed by the load)
    assert _target(again, "1b", 2020) == Decimal(45)
    edit(work, "data/indicators.yaml", "{year: 2020, kind: value, value: 45}", "{year: 2020, kind: value, value: 47}")
    edited, _ = load.load_site(work / "data")
    assert parsed == ["data/indicators.yaml"]  # only the edited file
    assert _target(edited, "1b", 2020) == Decimal(47)
    assert _target(edited, "1a", 2020) == _target(first, "1a", 2020) == Decimal("6.9")
    # a YAML error after an edit is reported from the new text, and the fix is seen too
    edit(work, "data/indicators.yaml", "value: 47}", "value: 47")
    try:
        load.load_site(work / "data")
        raise AssertionError("no error for broken YAML")
    except load.KwsiteError as exc:
        assert "data/indicators.yaml" in str(exc) and "YAML-fout" in str(exc)
    edit(work, "data/indicators.yaml", "value: 47\n", "value: 48}\n")
    assert _target(load.load_site(work / "data")[0], "1b", 2020) == Decimal(48)


def test_placeholder_warnings_follow_the_text():
    text = "# Titel\n\nTekst.\n"
    assert placeholders.find(text, "content/x.md") == []
    assert placeholders.find(text, "content/x.md") == []
    found = placeholders.find(text + "TODO\n", "content/x.md")
    assert [(p.file, p.line, p.col) for p in found] == [("content/x.md", 4, 1)]
    found.clear()  # a caller changing its list does not change the remembered one
    assert len(placeholders.find(text + "TODO\n", "content/x.md")) == 1
    assert placeholders.find(text, "content/x.md") == []
    assert [p.file for p in placeholders.find(text + "TODO\n", "content/y.md")] == ["content/y.md"]


def test_timeline_entries_read_once_give_the_same_reading():
    entry = parse_entry("Start: schooljaar 19-20")
    assert parse_entry("Start: schooljaar 19-20") is entry
    assert entry.label == "Start"
    assert [(m.kind, m.first, m.last) for m in entry.moments] == [("school_year", 2019, 2020)]
