"""One project (#14 part 4): the plugin, the CLI and the PDF see the same folders, and ``kwsite validate``
fails wherever the build fails because of the nav, the plugin's options, the data paths or the links
between pages — with the same Dutch message."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MINI, edit
from kwsite.cli import main
from kwsite.mkdocsproject import load
from kwsite.problems import KwsiteError
from kwsite.project import Project

PLUGIN = "      data_dir: data\n"


def _nav(site: Path, entry: str) -> None:
    edit(site, "mkdocs.yml", "  - Home: index.md\n", f"  - Home: index.md\n  - {entry}\n")


def _option(site: Path, line: str) -> None:
    edit(site, "mkdocs.yml", PLUGIN, PLUGIN + f"      {line}\n")


def _page(site: Path, name: str, text: str) -> None:
    (site / "content" / name).write_text(text, encoding="utf-8")


CASES = {
    "nav-placeholder-typo": (
        lambda s: _nav(s, "kwsite:themas"),
        "mkdocs.yml:32:5 nav: onbekende plaatshouder 'kwsite:themas'; bedoelt u kwsite:themes?",
    ),
    "nav-entry-with-anchor": (lambda s: _nav(s, "Opbouw: index.md#opbouw"), "'index.md#opbouw' verwijst naar een kop"),
    "nav-page-missing": (lambda s: _nav(s, "Weg: weg.md"), "'weg.md' staat niet in content/ en wordt niet gegenereerd"),
    "nav-page-outside": (lambda s: _nav(s, "Buiten: ../mkdocs.yml"), "'../mkdocs.yml' ligt buiten content/"),
    "option-unknown": (
        lambda s: _option(s, "data_dri: data"),
        "plugin kwsite: onbekende optie 'data_dri'; bedoelt u 'data_dir'?",
    ),
    "option-mistyped": (
        lambda s: _option(s, "show_person_names: misschien"),
        "plugin kwsite: optie 'show_person_names' verwacht true of false",
    ),
    "data-dir-missing": (
        lambda s: edit(s, "mkdocs.yml", PLUGIN, "      data_dir: gegevens\n"),
        "gegevens/agenda.yaml bestand ontbreekt",
    ),
    "data-dir-outside": (
        lambda s: edit(s, "mkdocs.yml", PLUGIN, "      data_dir: ../elders\n"),
        "map '../elders' ligt buiten de map van de site",
    ),
    "page-not-in-nav": (lambda s: _page(s, "los.md", "# Los\n"), "content/los.md pagina staat niet in de nav"),
    "link-to-missing-page": (
        lambda s: _page(s, "index.md", "# Thuis\n\nZie [weg](weg.md).\n"),
        "content/index.md:3:11 link 'weg.md' leidt nergens heen",
    ),
    "link-to-missing-anchor": (
        lambda s: _page(s, "index.md", "# Thuis\n\n## Kop\n\nZie [de kop](index.md#kopje).\n"),
        "content/index.md:5:14 link 'index.md#kopje': deze pagina heeft geen kop of anker '#kopje'",
    ),
}


@pytest.fixture
def site(tmp_path):
    target = tmp_path / "site"
    shutil.copytree(MINI, target)
    edit(target, "mkdocs.yml", PLUGIN, PLUGIN + "      pdf: false\n")
    return target


def _messages(validate_output: str) -> list[str]:
    """validate's problem lines as the build prints them (without "waarschuwing: " and "mkdocs.yml: ")."""
    lines = validate_output.strip().splitlines()[:-1]  # the last line counts
    return [re.sub(r"^mkdocs\.yml: ", "", line.replace(" waarschuwing: ", " ", 1)) for line in lines]


@pytest.mark.parametrize("case", sorted(CASES))
def test_validate_fails_where_the_build_fails_with_the_same_message(site, case):
    change, expected = CASES[case]
    change(site)
    result = CliRunner().invoke(main, ["validate", str(site)])
    build = subprocess.run(
        [sys.executable, "-m", "kwsite.cli", "build", str(site)],
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    messages = _messages(result.output)
    assert result.exit_code == 1 and any(expected in m for m in messages), result.output
    assert build.returncode != 0, build.stderr[-2000:]
    assert messages and all(message in build.stderr for message in messages), (messages, build.stderr[-3000:])
    assert not (site / "site").exists()


def test_a_data_dir_of_another_name_is_used_by_validate_build_changes_and_pdf(site):
    """Reproduced in #14: with ``data_dir: gegevens`` ``kwsite validate`` (and ``changes``) looked in data/."""
    (site / "data").rename(site / "gegevens")
    edit(site, "mkdocs.yml", PLUGIN, "      data_dir: gegevens\n")
    edit(site, "gegevens/indicators.yaml", "    name: Gemiddeld cijfer", "    name: Gemiddeld cijfer (in te vullen)")
    project = load(site)
    assert (project.data_dir, project.data_rel, project.options.data_dir) == (site / "gegevens", "gegevens", "gegevens")
    result = CliRunner().invoke(main, ["validate", "--no-strict", str(site)])
    assert result.exit_code == 0, result.output
    assert "gegevens/indicators.yaml:4:" in result.output  # its placeholders are checked there too
    changes = CliRunner().invoke(main, ["changes", str(site)])
    assert changes.exit_code == 0 and "eerste editie" in changes.output, changes.output
    from kwsite.pdf import collect

    assert collect(project).site.indicator("1a").name == "Gemiddeld cijfer (in te vullen)"
    build = subprocess.run(
        [sys.executable, "-m", "kwsite.cli", "build", "--no-strict", str(site)],
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert build.returncode == 0, build.stderr[-2000:]
    assert "gegevens/indicators.yaml:4:" in build.stderr


def test_the_project_holds_what_mkdocs_resolved(site):
    edit(site, "mkdocs.yml", PLUGIN, PLUGIN + "      cache_dir: .cache\n      show_person_names: true\n")
    edit(site, "mkdocs.yml", "site_dir: site", "site_dir: uit\nuse_directory_urls: false")
    (site / "theme").mkdir()
    project = load(site)
    assert project.root == site and project.config_file == site / "mkdocs.yml"
    assert (project.docs_dir, project.site_dir, project.cache_dir) == (site / "content", site / "uit", site / ".cache")
    assert (project.theme_dir, project.use_directory_urls) == (site / "theme", False)
    assert (project.options.cache_dir, project.options.show_person_names, project.options.pdf) == (
        ".cache",
        True,
        False,
    )
    assert project.nav[0] == {"Home": "index.md"} and project.validation["omitted_files"] == 30


def test_a_folder_without_mkdocs_yml_is_a_bare_project(tmp_path):
    assert load(tmp_path) == Project.bare(tmp_path)
    assert (Project.bare(tmp_path).data_rel, Project.bare(tmp_path).docs_rel) == ("data", "content")


def test_mkdocs_refusing_the_config_is_one_dutch_problem(site):
    _option(site, "show_person_names: ja")
    with pytest.raises(KwsiteError) as info:
        load(site)
    assert [str(p) for p in info.value.problems] == [
        "mkdocs.yml plugin kwsite: optie 'show_person_names' verwacht true of false"
    ]
