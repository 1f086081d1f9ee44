"""kwsite.updated's two readers: the record line ranges (libyaml, same marks as pure-Python PyYAML) and
the blame times per line (``git blame --incremental``)."""

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
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
    assert yaml.__with_libyaml__ and updated._LOADER is yaml.CSafeLoader  # the wheel bundles libyaml
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
