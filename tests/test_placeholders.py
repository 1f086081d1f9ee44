"""Placeholder text ("(in te vullen door de instelling)") is a warning, so --strict stops it (issue #17 item 7)."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from conftest import ROOT, mkdocs_build
from kwsite.cli import main
from kwsite.placeholders import find

NOTE = '!!! note "Contactgegevens (in te vullen door de instelling)"\n    Volgt.\n'


def test_find_names_line_and_column_and_skips_ordinary_sentences_and_comments():
    text = "# Titel\n\nHet formulier is online in te vullen.\n<!-- TODO: later -->\nAdres: [invullen]\n" + NOTE
    found = [(p.line, p.col, p.level) for p in find(text, "content/x.md")]
    assert found == [(5, 8, "warning"), (6, 27, "warning")]
    assert find("name: Zuid  # TODO: korte naam\n", "data/units.yaml", yaml=True) == []
    assert [p.line for p in find("name: TODO\n", "data/units.yaml", yaml=True)] == [1]


def test_validate_strict_stops_an_unfilled_placeholder(mini):
    (mini / "content" / "contact.md").write_text("# Contact\n\n" + NOTE, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(mini)])
    assert result.exit_code == 1
    assert (
        "content/contact.md:3:27 waarschuwing: nog niet ingevulde tekst: '(in te vullen door de instelling)'; "
        "vul de echte tekst in of haal dit weg"
    ) in result.output
    assert CliRunner().invoke(main, ["validate", str(mini), "--no-strict"]).exit_code == 0


def test_strict_build_stops_an_unfilled_placeholder(mini):
    (mini / "content" / "contact.md").write_text("# Contact\n\n" + NOTE, encoding="utf-8")
    proc = mkdocs_build(mini, "--strict")
    assert proc.returncode == 1
    assert "content/contact.md:3:27" in proc.stderr and "in te vullen door de instelling" in proc.stderr


def test_shipped_sites_and_the_scaffold_have_no_placeholder(tmp_path):
    from kwsite.placeholders import check_site

    for site in (ROOT, ROOT / "examples" / "clusius", ROOT / "examples" / "noorderpoort"):
        assert check_site(site) == [], site
    subprocess.run(
        [sys.executable, "-m", "kwsite.cli", "new", str(tmp_path / "nieuw")], check=True, capture_output=True
    )
    assert check_site(tmp_path / "nieuw") == []
