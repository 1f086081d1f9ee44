"""A nav entry pointing at a heading (issue #17 item 21): MkDocs reports it only as "not found" and a strict
build stops; kwsite refuses it in validate and build with the line of mkdocs.yml and what to write instead."""

from __future__ import annotations

from click.testing import CliRunner

from conftest import edit, mkdocs_build
from kwsite.cli import main

MESSAGE = (
    "mkdocs.yml:31:13 nav: 'index.md#opbouw' verwijst naar een kop; MkDocs kan in de nav alleen naar een "
    "pagina verwijzen (het zou de pagina niet vinden). Schrijf 'index.md': de inhoud van de pagina leidt naar de kop"
)


def test_nav_entry_with_an_anchor_is_a_clear_error(mini):
    edit(mini, "mkdocs.yml", "  - Home: index.md\n", "  - Home: index.md\n  - Opbouw: index.md#opbouw  # de kop\n")
    result = CliRunner().invoke(main, ["validate", str(mini)])
    assert result.exit_code == 1 and MESSAGE in result.output
    proc = mkdocs_build(mini)
    assert proc.returncode == 1 and MESSAGE in proc.stderr
    assert "not found in the documentation files" not in proc.stderr


def test_links_elsewhere_with_anchors_are_fine(mini):
    edit(mini, "mkdocs.yml", "  - Home: index.md\n", "  - Home: index.md\n  - Extern: https://example.invalid/a#b\n")
    result = CliRunner().invoke(main, ["validate", str(mini)])
    assert result.exit_code == 0, result.output
