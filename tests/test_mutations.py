"""Mutation suite (issue #16): every plausible editing slip and hostile input in ``tests/mutations.py``
stops ``kwsite validate`` with exactly the lines kept in ``tests/golden/mutations/<case>.txt`` (exit
status first): ``FILE:LINE:COL veld: melding`` in Dutch, never a traceback, never "In orde". Data
cases run in-process on a copy of the site; the cases that need MkDocs (nav, content, mkdocs.yml
and what reaches the page outside the sanitizer) run a real build, grouped, and the build must
stop on the same lines that ``validate`` gives.

Regenerate the golden files after a deliberate change with ``pytest --update-golden`` and read the diff.
"""

import fcntl
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MINI, ROOT
from kwsite.cli import main
from mutations import CASES, R

GOLDEN = Path(__file__).parent / "golden" / "mutations"
SOURCES = {"mini": MINI, "flag": ROOT, "noord": ROOT / "examples/noorderpoort", "clus": ROOT / "examples/clusius"}


@pytest.fixture(scope="session")
def pristine(tmp_path_factory):
    """A copy of each site's mkdocs.yml, data/ and content/ (nothing else), made once."""
    base = tmp_path_factory.mktemp("pristine")
    out = {}
    for name, src in SOURCES.items():
        target = base / name
        target.mkdir()
        shutil.copy2(src / "mkdocs.yml", target / "mkdocs.yml")
        for folder in ("data", "content"):
            shutil.copytree(src / folder, target / folder)
        out[name] = target
    return out


def fresh(pristine, tmp_path, name):
    site = tmp_path / "site" / name
    shutil.copytree(pristine[name], site, symlinks=True)
    return site


def run_validate(site: Path) -> str:
    result = CliRunner().invoke(main, ["validate", "--strict", str(site)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return f"exit {result.exit_code}\n{result.output}"


def test_every_golden_file_belongs_to_a_case():
    """A case renamed or removed leaves no stale golden file behind (a missing one fails its own case)."""
    assert sorted(p.stem for p in GOLDEN.glob("*.txt")) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_mutation_stops_validate_at_its_place(pristine, tmp_path, name, update_golden):
    site = fresh(pristine, tmp_path, name.split("-", 1)[0])
    CASES[name](site)
    out = run_validate(site).replace(str(site.parent), "SITES")
    golden = GOLDEN / f"{name}.txt"
    if update_golden:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    lines = out.splitlines()
    assert lines[0] == "exit 1" and "Traceback" not in out and "In orde" not in out, out
    for line in lines[1:-1]:
        assert line.startswith(("data/", "content/", "mkdocs.yml")), line


def test_a_raised_csv_field_limit_in_the_process_changes_no_message(pristine, tmp_path):
    """frictionless raises the process-wide ``csv.field_size_limit`` when it reads a CSV; the whole
    suite then gave another message for ``mini-csv-cell-128k`` than the case alone (review rv1)."""
    import csv

    old = csv.field_size_limit(sys.maxsize)
    try:
        site = fresh(pristine, tmp_path, "mini")
        CASES["mini-csv-cell-128k"](site)
        out = run_validate(site).replace(str(site.parent), "SITES")
    finally:
        csv.field_size_limit(old)
    assert out == (GOLDEN / "mini-csv-cell-128k.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_unchanged_sites_validate(pristine, tmp_path, name):
    out = run_validate(fresh(pristine, tmp_path, name))
    assert out.startswith("exit 0\n") and "In orde (0 waarschuwing(en)" in out, out


# --- cases that need MkDocs: real builds, grouped -------------------------------------------------


def kwsite_build(site: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "kwsite.cli", "build", *args, str(site)], env=env, capture_output=True, text=True
    )


def without_pdf(site: Path) -> None:
    R("mkdocs.yml", "      data_dir: data", "      data_dir: data\n      pdf: false")(site)


def problem_lines(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines() if re.match(r"\s*(data|content|mkdocs\.yml)[/:.]", line.strip())}


def assert_build_stops_like_validate(site: Path) -> set[str]:
    """Build (fails, previous site/ intact) and validate agree on the problem lines; returns them."""
    (site / "site").mkdir(exist_ok=True)
    (site / "site" / "vorige.html").write_text("vorige versie", encoding="utf-8")
    proc = kwsite_build(site)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert (site / "site" / "vorige.html").read_text(encoding="utf-8") == "vorige versie"
    built = problem_lines(proc.stderr)
    validated = problem_lines(run_validate(site))
    assert built and built == validated, (built, validated)
    return built


CONFIG_GROUP = ["mini-nav-placeholder-typo", "mini-content-link-outside", "mini-content-dir-link-outside"]
TITLE_GROUP = ["mini-nav-title-unknown-ref", "mini-content-image-link-outside", "mini-nav-path-outside"]
CONTENT_GROUP = [
    "mini-content-unclosed",
    "mini-content-frontmatter-title",
    "mini-content-comment-unclosed",
    "mini-content-table-extra-cell",
]


@pytest.mark.parametrize("group", [CONFIG_GROUP, TITLE_GROUP, CONTENT_GROUP], ids=["config", "nav-title", "content"])
def test_build_stops_where_validate_stops(pristine, tmp_path, group):
    site = fresh(pristine, tmp_path, "mini")
    without_pdf(site)
    for name in group:
        CASES[name](site)
    built = assert_build_stops_like_validate(site)
    assert len(built) == len(group), built  # one line per case, all at once


def test_site_dir_on_the_data_is_refused_before_building(pristine, tmp_path):
    site = fresh(pristine, tmp_path, "mini")
    CASES["mini-site-dir-is-data"](site)
    before = sorted(p.name for p in (site / "data").iterdir())
    proc = kwsite_build(site)
    assert proc.returncode == 1
    assert (
        "mkdocs.yml:5:1 site_dir: site_dir 'data' is of bevat data_dir 'data'; de bouw zou die map leegmaken"
        in proc.stderr
    )
    assert sorted(p.name for p in (site / "data").iterdir()) == before


def test_sinks_outside_the_sanitizer_carry_no_markup_and_no_strict_wins(pristine, tmp_path):
    """``copyright``, ``site_author`` and backslash image URLs give no live markup and no remote
    image. The refused images are warnings: ``strict: true`` in mkdocs.yml stops the build (nothing
    published), ``kwsite build --no-strict`` wins over it and publishes without them."""
    site = fresh(pristine, tmp_path, "mini")
    without_pdf(site)
    R(
        "mkdocs.yml",
        "site_url:",
        'copyright: "<script>alert(1)</script>&copy; ROCA <a href=\\"/x\\">x</a>"\n'
        "site_author: '\"><script>alert(2)</script>'\nsite_url:",
    )(site)
    R(
        "content/index.md",
        "## Opbouw",
        "![a](\\\\\\\\evil.example/a.png) ![b](/\\evil.example/b.png) "
        '<img src="https:\\\\evil.example/c.png"> <img src="/&#9;/evil.example/d.png">\n\n## Opbouw',
    )(site)
    strict = kwsite_build(site)
    assert strict.returncode != 0 and not (site / "site").exists(), strict.stderr[-2000:]
    proc = kwsite_build(site, "--no-strict")
    assert proc.returncode == 0, proc.stderr[-2000:]
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert '<meta name="author" content="&quot;&gt;">' in html
    footer = html[html.index("md-copyright") :]
    assert "© ROCA" in footer and '<a href="/x">x</a>' in footer and "alert(1)" not in footer
    assert "evil.example" not in html
    assert proc.stderr.count("afbeelding van een andere host weggelaten") == 4


def test_a_second_build_in_the_same_folder_waits_its_turn(pristine, tmp_path):
    """While one build holds the folder, another stops at once with a Dutch message and leaves the
    published site alone (the lock ends with the process that held it)."""
    site = fresh(pristine, tmp_path, "mini")
    (site / "site").mkdir()
    (site / "site" / "index.html").write_text("gepubliceerd", encoding="utf-8")
    handle = os.open(site, os.O_RDONLY)  # the folder that holds site/
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        proc = kwsite_build(site)
    finally:
        os.close(handle)
    assert proc.returncode == 1
    assert f"Er loopt al een bouw naar {(site / 'site').resolve()}; wacht tot die klaar is" in proc.stderr
    assert (site / "site" / "index.html").read_text(encoding="utf-8") == "gepubliceerd"
    assert not (site / ".site.nieuw").exists()


def test_pdf_refuses_a_link_out_of_the_docs_folder(pristine, tmp_path):
    """``kwsite pdf`` (no MkDocs build) applies the same folder rules: the environment is not read."""
    site = fresh(pristine, tmp_path, "mini")
    CASES["mini-content-link-outside"](site)
    result = CliRunner().invoke(main, ["pdf", str(site)])
    assert result.exit_code == 1 and not (site / "site").exists()
    assert (
        result.output
        == "content/env.md koppeling naar buiten content/; wordt niet gelezen of gepubliceerd\n1 fout(en).\n"
    )
