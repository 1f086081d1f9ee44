"""`kwsite new DIR` scaffolds a site that validates and builds with --strict and zero warnings."""

import os
import subprocess
import sys

from click.testing import CliRunner

from htmltext import text
from kwsite.cli import main


def test_new_site_builds_strict_without_warnings(tmp_path):
    target = tmp_path / "nieuw"
    result = CliRunner().invoke(main, ["new", str(target)])
    assert result.exit_code == 0, result.output
    for rel in ("mkdocs.yml", "README.md", "content/index.md", "data/agenda.yaml", "data/indicators.yaml"):
        assert (target / rel).is_file(), rel
    assert (target / "theme" / "README.md").is_file() and (target / "theme" / "assets" / "kleuren.css").is_file()
    check = CliRunner().invoke(main, ["validate", str(target), "--strict"])
    assert check.exit_code == 0 and check.output.strip() == "In orde (0 waarschuwing(en)).", check.output
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=target, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "WARNING" not in proc.stderr
    home = text((target / "site" / "index.html").read_text(encoding="utf-8"))
    assert "Kwaliteitsagenda Voorbeeld-ROC" in home
    assert "2024-2027" in home  # [[agenda.period]] from the placeholder agenda.yaml
    theme = text((target / "site" / "themas" / "voorbeeldthema" / "index.html").read_text(encoding="utf-8"))
    assert "Voorbeeldindicator (fictief)" in theme
    html = (target / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="assets/kleuren.css"' in html and (target / "site" / "assets" / "kleuren.css").is_file()
    assert not (target / "site" / "README.md").exists() and not (target / "site" / "theme").exists()


def test_scaffold_figures_are_labelled_fictional(tmp_path):
    """The scaffold's demonstration figures (#15 part 8: realisations for two years) are fictional and say so:
    in the file's header and in the name of every indicator that carries them."""
    from kwsite.build import load_site

    target = tmp_path / "nieuw"
    CliRunner().invoke(main, ["new", str(target)])
    indicators = (target / "data" / "indicators.yaml").read_text(encoding="utf-8")
    assert indicators.startswith("# VOORBEELD (fictief)")
    site, _ = load_site(target / "data")
    assert all("(fictief)" in i.name for i in site.indicators)
    assert {r.year for i in site.indicators for r in i.realisations} == {2024, 2025}
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert "kwsite validate" in readme and "show_person_names" in readme


def test_new_refuses_a_non_empty_directory(tmp_path):
    (tmp_path / "bestaand.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["new", str(tmp_path)])
    assert result.exit_code == 1
    assert "niet leeg" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestaand.txt"]


def test_scaffold_has_every_kind_of_data_file_fictional_and_a_gitignore(tmp_path):
    from kwsite.load import FILES

    target = tmp_path / "nieuw"
    CliRunner().invoke(main, ["new", str(target)])
    for name, _, _ in FILES.values():
        text = (target / "data" / name).read_text(encoding="utf-8")
        assert text.startswith("#") and ("fictief" in text.casefold() or "voorbeeld" in text.casefold()), name
    assert (target / "data" / "tables" / "voorbeeldtabel.csv").is_file()
    assert (target / ".gitignore").read_text(encoding="utf-8").split("\n")[1:4] == ["site/", ".kwsite-cache/", ".venv/"]


def test_readme_commands_run_as_written(tmp_path):
    """The README's commands (validate, build) run in the new site without a bare `kwsite` on the PATH."""
    import re
    import shlex

    target = tmp_path / "nieuw"
    CliRunner().invoke(main, ["new", str(target)])
    readme = (target / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^    (\S.*)$", readme, re.M)
    assert [c.split()[-2:] for c in commands] == [
        ["validate", "."],
        ["build", "."],
        ["serve", "."],
        ["voorbeeld-realisaties.xlsx", "."],
        ["-o", "realisaties.xlsx"],
    ]
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    env.update(PATH="/usr/bin:/bin", NO_MKDOCS_2_WARNING="1")  # no venv on the PATH, as on a fresh shell
    for command in commands[:2]:
        proc = subprocess.run(shlex.split(command), cwd=target, env=env, capture_output=True, text=True)
        assert proc.returncode == 0, (command, proc.stderr[-2000:])
    assert (target / "site" / "begroting" / "index.html").is_file()
    assert (target / "site" / "verbeterplannen" / "voorbeeldplan" / "index.html").is_file()
    for command in commands[3:]:  # the fictional spreadsheet of realisations: import, then export
        proc = subprocess.run(shlex.split(command), cwd=target, env=env, capture_output=True, text=True)
        assert proc.returncode == 0, (command, proc.stderr[-2000:])
    assert (target / "data" / "realisations.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "1a,,2026,,,56.0,fictief voorbeeld",
        "1a,voorbeeldcollege,2026,,,58.5,fictief voorbeeld",
    ]
    assert (target / "realisaties.xlsx").is_file()
    check = subprocess.run(shlex.split(commands[0]), cwd=target, env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
