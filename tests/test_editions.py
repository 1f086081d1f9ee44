"""Editions: `kwsite publish` (mike) to a local bare repository, the outdated banner,
canonical links to latest, and the page "Wat is er veranderd" computed from git."""

import json
import os
import subprocess

import shutil

import pytest
from click.testing import CliRunner

from conftest import edit
from kwsite.cli import main

SECOND_THEME = """  - id: tweede
    number: 2
    title: Tweede thema
    short_title: Tweede
"""


def git(cwd, *args):
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="t@example.invalid",
        GIT_CONFIG_GLOBAL=os.devnull,
    )
    return subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True, text=True, env=env).stdout


def publish(site, monkeypatch):
    for name, value in {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }.items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(main, ["publish", str(site), "--push"])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def repo(mini, tmp_path):
    """The mini site as a git repository with a bare 'origin', two themes, mike configured."""
    edit(
        mini, "data/themes.yaml", "        text: Hogere opbrengst\n", "        text: Hogere opbrengst\n" + SECOND_THEME
    )
    edit(
        mini,
        "data/budget.yaml",
        "    - {theme: kern, label: Kernthema, share_pct: 100, amount_mln: 10.0}",
        "    - {theme: kern, label: Kernthema, share_pct: 60, amount_mln: 6.0}\n"
        "    - {theme: tweede, label: Tweede thema, share_pct: 40, amount_mln: 4.0}",
    )
    config = (mini / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "  - kwsite:\n      data_dir: data\n",
        "  - kwsite:\n      data_dir: data\n  - mike:\n      alias_type: redirect\n      canonical_version: latest\n",
    )
    config = config.replace(
        "extra:\n  generator: false\n",
        "extra:\n  generator: false\n  version:\n    provider: mike\n    default: latest\n",
    )
    config += "  - kwsite:changes\n"
    (mini / "mkdocs.yml").write_text(config, encoding="utf-8")
    (mini / ".gitignore").write_text("site/\n", encoding="utf-8")
    bare = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    git(mini, "init", "-q", "-b", "main")
    git(mini, "add", "-A")
    git(mini, "commit", "-q", "-m", "editie A")
    git(mini, "remote", "add", "origin", str(bare))
    git(mini, "push", "-q", "origin", "main")
    return mini, bare


def test_two_editions_on_a_bare_remote(repo, monkeypatch):
    site, bare = repo
    edit(
        site,
        "data/agenda.yaml",
        "    id: mini-1\n    label: Testeditie\n    status: concept\n",
        "    id: ed-a\n    label: Editie A\n    status: ingediend\n",
    )
    (site / "content" / "oud.md").write_text("# Oude pagina\n\nAlleen in editie A.\n", encoding="utf-8")
    edit(site, "mkdocs.yml", "  - kwsite:changes\n", "  - kwsite:changes\n  - oud.md\n")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-am", "editie A")
    git(site, "tag", "editie-a")
    publish(site, monkeypatch)

    # edition B: target 1b 2020 45 → 47, € 1 mln moved from kern to tweede, a measure added, a realisation added
    edit(
        site,
        "data/agenda.yaml",
        "    id: ed-a\n    label: Editie A\n    status: ingediend\n",
        "    id: ed-b\n    label: Editie B\n    status: bijgesteld\n    previous: editie-a\n",
    )
    edit(site, "data/indicators.yaml", "{year: 2020, kind: value, value: 45}", "{year: 2020, kind: value, value: 47}")
    edit(site, "data/budget.yaml", "share_pct: 60, amount_mln: 6.0", "share_pct: 50, amount_mln: 5.0")
    edit(site, "data/budget.yaml", "share_pct: 40, amount_mln: 4.0", "share_pct: 50, amount_mln: 5.0")
    edit(
        site,
        "data/measures.yaml",
        "    units: [noord]\n",
        "    units: [noord]\n  - id: tweede-1\n    theme: tweede\n    group: begeleiding\n    title: Coaching\n",
    )
    edit(
        site,
        "data/indicators.yaml",
        "      - {year: 2022, kind: value, value: 50, indicative: true}\n",
        "      - {year: 2022, kind: value, value: 50, indicative: true}\n    realisations:\n      - {year: 2019, value: 41}\n",
    )
    (site / "content" / "oud.md").unlink()  # a page only edition A has
    edit(site, "mkdocs.yml", "  - oud.md\n", "")
    git(site, "commit", "-q", "-am", "editie B")
    publish(site, monkeypatch)

    # read what the remote holds
    show = lambda path: git(bare, "show", f"gh-pages:{path}")  # noqa: E731
    versions = json.loads(show("versions.json"))
    assert sorted(v["version"] for v in versions) == ["ed-a", "ed-b"]
    by_id = {v["version"]: v for v in versions}
    assert by_id["ed-b"]["aliases"] == ["latest"] and by_id["ed-a"]["aliases"] == []
    assert by_id["ed-a"]["title"] == "Editie A (ingediend)" and by_id["ed-b"]["title"] == "Editie B (bijgesteld)"
    # latest is a redirect to ed-b; the root redirects to latest (set-default)
    assert "../ed-b/" in show("latest/index.html")
    assert "latest/" in show("index.html")

    # /latest/ also holds the newest edition's downloads and charts (mike's redirects cover HTML only):
    # the same blobs as ed-b's, not ed-a's
    blob = lambda path: git(bare, "rev-parse", f"gh-pages:{path}").strip()  # noqa: E731
    files = git(bare, "ls-tree", "-r", "--name-only", "gh-pages:ed-b").split()
    csv = next(f for f in files if f.startswith("downloads/") and f.endswith(".csv"))
    svg = next(f for f in files if f.endswith(".svg"))
    for name in ["downloads/kwaliteitsagenda.pdf", "downloads/kwaliteitsagenda-data.zip", csv, svg]:
        assert blob(f"latest/{name}") == blob(f"ed-b/{name}"), name
    assert blob("latest/downloads/kwaliteitsagenda.pdf") != blob("ed-a/downloads/kwaliteitsagenda.pdf")
    # a page only edition A has: its canonical (written when A was built) names /latest/oud/, which
    # redirects to A's page instead of a 404; the newest edition has no such page
    assert '<link rel="canonical" href="https://mini.example.invalid/latest/oud/">' in show("ed-a/oud/index.html")
    assert 'window.location.replace(\n      "../../ed-a/oud/"' in show("latest/oud/index.html")
    assert "oud/index.html" not in files

    # edition A is kept as published: its banner block (shown by Material's JS on non-latest editions),
    # its canonical link to latest, and the target it had
    old = show("ed-a/index.html")
    assert (
        'data-md-component="outdated"' in old
        and "Dit is een eerdere editie" in old
        and "Naar de nieuwste editie" in old
    )
    assert '<link rel="canonical" href="https://mini.example.invalid/latest/">' in old
    assert '"version": {"default": "latest", "provider": "mike"}' in old  # Material's selector is on
    assert "45%" in show("ed-a/indicatoren/index.html") and "47%" not in show("ed-a/indicatoren/index.html")
    assert "Dit is de eerste editie" in show("ed-a/wijzigingen/index.html")

    changes = show("ed-b/wijzigingen/index.html")
    assert "Editie B (bijgesteld)" in changes and "Editie A (ingediend)" in changes
    assert ('<th scope="row">1b Aandeel tevreden</th><td>2020</td><td>45%</td><td>47%</td>') in changes
    assert (
        '<th scope="row">Kern</th><td>60%, €&nbsp;6,0&nbsp;mln</td><td>50%, €&nbsp;5,0&nbsp;mln</td>'
        "<td>€&nbsp;-1,0&nbsp;mln</td>"
    ) in changes
    assert (
        '<th scope="row">Tweede</th><td>40%, €&nbsp;4,0&nbsp;mln</td><td>50%, €&nbsp;5,0&nbsp;mln</td>'
        "<td>€&nbsp;+1,0&nbsp;mln</td>"
    ) in changes
    assert "Toegevoegd: Coaching (tweede-1)" in changes
    assert '<th scope="row">1b Aandeel tevreden</th><td>2019, ROCA</td><td>nieuw</td><td>41%</td>' in changes
    assert "Geen indicatoren toegevoegd of vervallen." in changes


def test_publish_refuses_an_edition_that_is_not_in_the_data(repo):
    site, _ = repo
    result = CliRunner().invoke(main, ["publish", str(site), "--edition", "2099"])
    assert result.exit_code == 1 and "editie is 'mini-1', niet '2099'" in result.output


def test_unknown_previous_edition_stops_the_build(mini):
    from conftest import mkdocs_build

    edit(mini, "data/agenda.yaml", "    status: concept\n", "    status: concept\n    previous: bestaat-niet\n")
    config = (mini / "mkdocs.yml").read_text(encoding="utf-8") + "  - kwsite:changes\n"
    (mini / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(mini, "--strict")
    assert result.returncode != 0 and "vorige editie 'bestaat-niet'" in result.stderr


def test_previous_edition_from_a_directory(mini):
    """A snapshot directory works as well as a git ref (no git needed)."""

    from kwsite.build import load_site
    from kwsite.editions import compare, load_previous

    shutil.copytree(mini / "data", mini / "vorige")
    edit(
        mini,
        "data/indicators.yaml",
        "{year: 2022, kind: value, value: 50, indicative: true}",
        "{year: 2022, kind: minimum, value: 50, indicative: true}",
    )
    site, _ = load_site(mini / "data")
    found = compare(load_previous(mini, mini / "data", "vorige"), site)
    assert [(c.indicator, c.year, c.old, c.new) for c in found.targets] == [
        ("1b", 2022, "50% (indicatief)", "minimaal 50% (indicatief)")
    ]
    assert found.budget == [] and found.measures_added == []
