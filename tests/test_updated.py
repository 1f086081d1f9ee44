"""The YAML readers: kwsite.updated's record line ranges and kwsite.yamlload's data (libyaml with remembered
tags: the same marks, values and problems as pure-Python PyYAML), and the blame times per line (``git blame
--incremental``)."""

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from decimal import Decimal
import yaml

from kwsite import updated

ROOT = Path(__file__).resolve().parent.parent
FILES = [
    ROOT / "data" / "indicators.yaml",
    ROOT / "examples" / "noorderpoort" / "data" / "indicators.yaml",
    ROOT / "tests" / "fixtures" / "mini" / "data" / "indicators.yaml",
]


def _python_ranges(text: str, monkeypatch) -> dict:
    monkeypatch.setattr(updated, "_LOADER", yaml.SafeLoader)
    try:
        return updated._ranges.__wrapped__(text)
    finally:
        monkeypatch.undo()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_record_ranges_are_the_same_with_libyaml_and_pure_python(path, monkeypatch):
    assert yaml.__with_libyaml__ and issubclass(updated._LOADER, yaml.CSafeLoader)  # the wheel bundles libyaml
    text = path.read_text(encoding="utf-8")
    fast = updated._ranges.__wrapped__(text)
    assert len(fast) >= 2
    assert fast == _python_ranges(text, monkeypatch)


def test_record_ranges_hold_the_lines_of_each_record(monkeypatch):
    text = (
        "# kop\nindicators:\n  - id: a1\n    name: A\n\n  - name: B\n    id: b2\n    targets: {2025: 3}\n"
        "  - {id: c3, name: C}\n  - id: d4\n    realisations:\n      - year: 2025\n        value: 4\n"
    )
    expected = {"a1": (2, 4), "b2": (5, 7), "c3": (8, 8), "d4": (9, 13)}  # the last: to its end mark
    assert updated._ranges.__wrapped__(text) == expected
    assert _python_ranges(text, monkeypatch) == expected
    assert updated._ranges.__wrapped__("indicators: [\n") == {} == _python_ranges("indicators: [\n", monkeypatch)


def test_blame_gives_each_line_its_commit_time_and_none_when_uncommitted(tmp_path):
    env = dict(
        os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@x", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@x"
    )
    stamps = {}

    def commit(when: str):
        subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True, env=env)
        subprocess.run(["git", "commit", "-qm", "x"], cwd=tmp_path, check=True, env=env | {"GIT_COMMITTER_DATE": when})
        stamps[when] = int(dt.datetime.fromisoformat(when).timestamp())

    file = tmp_path / "f.yaml"
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    file.write_text("a\nb\nc\nd\ne\n")
    commit("2025-03-04T10:00:00+00:00")
    file.write_text("a\nB\nc\nD\ne\nf\n")
    commit("2025-11-20T10:00:00+00:00")
    file.write_text("a\nB\nx\nc\nD\ne\nf\n")  # one uncommitted line
    one, two = stamps.values()
    assert updated._blame_now(tmp_path, "f.yaml") == [one, two, None, one, two, one, two]
    assert updated._blame_now(tmp_path, "missing.yaml") == []


def _marked(value):
    """``value`` with every mark spelled out, to compare two loads."""
    if isinstance(value, dict):
        return ("map", value.mark, value.marks, {k: _marked(v) for k, v in value.items()})
    if isinstance(value, list):
        return ("seq", value.mark, value.marks, [_marked(v) for v in value])
    return (type(value).__name__, value)


SCALARS = (
    "a:\n  - tekst\n  - 'quoted 45'\n  - 45\n  - 6.70\n  - -0.4\n  - true\n  - no\n  - ~\n  - null\n"
    "  - 2025-03-04\n  - 045\n  - 1:30\n  - 0x1A\n  - +45\n  - .5\n  - 1e3\n  - !!str 12\n  - ''\n"
    "b: {x: 1, x: 2}\nc: &r [1, 2]\nd: *r\n7: zeven\n"
)


@pytest.mark.parametrize("path", [*FILES, ROOT / "tests" / "fixtures" / "hostile" / "data" / "indicators.yaml", None])
def test_data_load_the_same_with_the_remembered_tags_and_pure_python(path, monkeypatch):
    from kwsite import yamlload

    text = path.read_text(encoding="utf-8") if path else SCALARS
    for _ in range(2):  # the second time with every tag remembered
        fast, fast_problems = yamlload.load_yaml(text, "x.yaml")
    assert yamlload.Loader._tags
    monkeypatch.setattr(yamlload, "_Loader", yaml.SafeLoader)
    slow, slow_problems = yamlload.load_yaml(text, "x.yaml")
    assert _marked(fast) == _marked(slow) and fast_problems == slow_problems
    if path is None:
        assert fast["a"] == [
            *("tekst", "quoted 45", 45, Decimal("6.70"), Decimal("-0.4"), True, False, None, None, "2025-03-04"),
            *(None, None, None, None, None, "1e3", "12", ""),  # 045 1:30 0x1A +45 .5: problems, not numbers
        ]
        assert (fast["b"], fast["d"], fast["7"]) == ({"x": 1}, [1, 2], "zeven")
        assert [(p.line, p.col, p.path, p.message[:38]) for p in fast_problems] == [
            (12, 5, "a[10]", "geen gewoon decimaal getal: '045' (voo"),
            (13, 5, "a[11]", "geen gewoon decimaal getal: '1:30' (YA"),
            (14, 5, "a[12]", "geen gewoon decimaal getal: '0x1A' (ee"),
            (15, 5, "a[13]", "geen gewoon decimaal getal: '+45' (een"),
            (16, 5, "a[14]", "geen gewoon decimaal getal: '.5' (een "),
            (20, 11, "b.x", "dubbele sleutel 'x' (eerder op regel 2"),
        ]


def test_indicators_yaml_is_composed_once_for_its_data_and_its_record_lines(monkeypatch):
    from kwsite import yamlload

    text = FILES[0].read_text(encoding="utf-8")
    expected = updated._ranges.__wrapped__(text)
    composed = []
    real = yaml.compose
    monkeypatch.setattr(yaml, "compose", lambda *a, **k: composed.append(a[0]) or real(*a, **k))
    data, problems = yamlload.load_yaml(text, "data/indicators.yaml", keep=True)
    assert updated._ranges.__wrapped__(text) == expected and len(expected) >= 2
    assert composed == [text] and not yamlload._composed  # the reader of the lines took the tree
    assert updated._ranges.__wrapped__(text) == expected and composed == [text, text]
    yamlload.load_yaml(text, "data/indicators.yaml")  # without keep nothing is remembered
    assert not yamlload._composed and composed == [text, text, text]
    assert problems == [] and [i["id"] for i in data["indicators"]] == list(expected)
