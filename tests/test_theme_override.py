"""A site's own ``theme/`` folder overrides kwsite's page templates and macros (and Material's blocks);
a broken override stops the build with one Dutch message naming the template file and line; a template
reached through a link out of the site is never read."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import edit
from htmltext import text
from kwsite.problems import KwsiteError
from kwsite.templating import PACKAGE_THEME, Templates

MARK = "Eigen tekst van deze site boven elk thema."


def kwsite_build(site: Path):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "kwsite.cli", "build", str(site)], env=env, capture_output=True, text=True
    )


def override(site: Path, name: str, old: str, new: str) -> Path:
    """Copy kwsite's template ``name`` into the site's ``theme/`` with ``old`` replaced by ``new``."""
    source = (PACKAGE_THEME / name).read_text(encoding="utf-8")
    assert old in source, f"{old!r} not in {name}"
    target = site / "theme" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(source.replace(old, new, 1), encoding="utf-8")
    return target


@pytest.fixture
def mini_nopdf(mini):
    edit(mini, "mkdocs.yml", "  - kwsite:\n      data_dir: data", "  - kwsite:\n      data_dir: data\n      pdf: false")
    return mini


def test_theme_folder_overrides_page_template_macro_and_material(mini_nopdf):
    site = mini_nopdf
    override(site, "pages/theme.md", "## Ambitie\n", f"{MARK}\n\n## Ambitie\n")
    override(site, "pages/macros/table.html", "{{ d.label }}: ", "{{ d.label }} (eigen macro): ")
    (site / "theme" / "assets").mkdir()
    (site / "theme" / "assets" / "kleuren.css").write_text(
        ":root { --md-primary-fg-color: #7a1f5c; }\n", encoding="utf-8"
    )
    edit(site, "mkdocs.yml", "markdown_extensions:", "extra_css:\n  - assets/kleuren.css\nmarkdown_extensions:")
    main = (PACKAGE_THEME / "main.html").read_text(encoding="utf-8")  # a Material block, kwsite's additions kept
    (site / "theme" / "main.html").write_text(
        main + "{% block announce %}Eigen aankondiging{% endblock %}\n", encoding="utf-8"
    )
    proc = kwsite_build(site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    page = text((site / "site" / "themas" / "kern" / "index.html").read_text(encoding="utf-8"))
    assert MARK in page  # the page template
    assert (
        "Download de tabel (eigen macro): CSV" in page
    )  # the macro, used by the (not overridden) realisations block too
    assert page.count("(eigen macro)") >= 2
    budget = text((site / "site" / "begroting" / "index.html").read_text(encoding="utf-8"))
    assert "Download de tabel (eigen macro): CSV" in budget and MARK not in budget
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "Eigen aankondiging" in html  # Material's block through theme/main.html
    assert "assets/kleuren.css" in html and (site / "site" / "assets" / "kleuren.css").is_file()
    assert "kwsite.css" in html  # kwsite's own additions stay in (theme/main.html is a copy of kwsite's)
    for name in ("pages/theme.md", "pages/macros/table.html", "main.html"):  # templates are not published
        assert not (site / "site" / name).exists()
    assert not list((site / "site").rglob("*.md"))


def test_broken_override_names_file_and_line_in_dutch_and_keeps_the_site(mini_nopdf):
    site = mini_nopdf
    first = kwsite_build(site)
    assert first.returncode == 0, first.stderr[-2000:]
    before = {p: p.read_bytes() for p in sorted((site / "site").rglob("*")) if p.is_file()}
    target = override(site, "pages/theme.md", "## Ambitie\n", "## Ambitie\n{% if %}\n")
    line = target.read_text(encoding="utf-8").split("\n").index("{% if %}") + 1
    proc = kwsite_build(site)
    assert proc.returncode != 0
    assert f"theme/pages/theme.md:{line}:0 fout in sjabloon" in proc.stderr, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "vorige versie" in proc.stderr
    assert {p: p.read_bytes() for p in sorted((site / "site").rglob("*")) if p.is_file()} == before


def test_error_while_filling_in_names_the_macro_line(mini):
    # the downloads macro: every site shows downloads (a site without realisations shows no status badge)
    target = override(mini, "pages/macros/table.html", "{{ d.label }}", "{{ d.woord.x }}")
    line = next(i for i, text in enumerate(target.read_text(encoding="utf-8").split("\n"), 1) if "d.woord.x" in text)
    from kwsite.build import build_pages, load_site

    site, _ = load_site(mini / "data")
    with pytest.raises(KwsiteError) as err:
        build_pages(site, [], theme_dir=mini / "theme")
    assert str(err.value).startswith(f"theme/pages/macros/table.html:{line}:0 fout bij het invullen van het sjabloon:")


def test_template_linked_from_outside_the_site_is_not_read(tmp_path, mini):
    outside = tmp_path / "elders.md"
    outside.write_text("GEHEIM\n", encoding="utf-8")
    (mini / "theme" / "pages").mkdir(parents=True)
    (mini / "theme" / "pages" / "theme.md").symlink_to(outside)
    with pytest.raises(KwsiteError) as err:
        Templates(mini / "theme").render("pages/theme.md")
    assert "buiten de map van de site" in str(err.value) and "GEHEIM" not in str(err.value)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=mini,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert proc.returncode != 0 and "theme/pages/theme.md" in proc.stderr and "buiten de map van de site" in proc.stderr
    assert "Traceback" not in proc.stderr and not (mini / "site").exists()


def test_a_link_inside_the_site_is_fine(mini):
    (mini / "eigen").mkdir()
    shutil.copy(PACKAGE_THEME / "pages" / "colleges.md", mini / "eigen" / "colleges.md")
    (mini / "theme" / "pages").mkdir(parents=True)
    (mini / "theme" / "pages" / "colleges.md").symlink_to(mini / "eigen" / "colleges.md")
    out = Templates(mini / "theme").render("pages/colleges.md", count="2", colleges=[])
    assert out.startswith("# Bijlagen per mbo-college\n\n2 colleges.")


def test_theme_folder_linked_from_outside_is_refused(tmp_path, mini):
    from kwsite.templating import outside_links

    elsewhere = tmp_path / "elders"
    (elsewhere / "pages").mkdir(parents=True)
    (mini / "theme").symlink_to(elsewhere, target_is_directory=True)
    problems = outside_links(mini / "theme", mini)
    assert [p.file for p in problems] == ["theme"] and "buiten de map van de site" in problems[0].message
