"""Generated pages come from Jinja2 templates with autoescape: every text from data/ is escaped the
same way wherever it lands (a goal in the per-year table and in the plain list alike); text editors write as
Markdown (a summary) is passed on; a template error names the template file and line."""

import pytest

from conftest import edit
from kwsite.build import build_pages, load_site
from kwsite.problems import KwsiteError
from kwsite.templating import Templates

HOSTILE = "Meer <b>kansen</b> & minder uitval"
ESCAPED = "Meer &lt;b&gt;kansen&lt;/b&gt; &amp; minder uitval"


def theme_page(site_dir) -> str:
    site, _ = load_site(site_dir / "data")
    files, charts = build_pages(site, [])
    charts.close()
    return {f.path: f.content for f in files}["themas/kern.md"]


def test_goal_text_escaped_in_the_plain_list(mini):
    edit(mini, "data/themes.yaml", "text: Hogere opbrengst", f"text: {HOSTILE}")
    page = theme_page(mini)
    assert f"- {ESCAPED}\n" in page and "<b>" not in page


def test_goal_text_escaped_in_the_table_and_the_list_without_year(mini):
    edit(
        mini,
        "data/themes.yaml",
        "        text: Hogere opbrengst",
        f"        text: {HOSTILE}\n        horizon: 2022\n      - id: b\n        text: Ook {HOSTILE}",
    )
    page = theme_page(mini)
    assert f"<td>{ESCAPED}</td>" in page  # in the table of 2022
    assert f"### Zonder jaartal\n\n- Ook {ESCAPED}\n" in page  # was inserted unescaped before (#14)
    assert "<b>" not in page


def test_markdown_fields_stay_markdown_and_titles_are_text(mini):
    edit(mini, "data/themes.yaml", "    title: Kernthema", "    title: Kern <i>thema</i>\n    summary: Dit is **vet**.")
    page = theme_page(mini)
    assert page.startswith("# Thema 1: Kern &lt;i&gt;thema&lt;/i&gt;\n")
    assert "\nDit is **vet**.\n" in page


def test_render_error_names_template_and_line(tmp_path):
    theme = tmp_path / "theme"
    (theme / "pages").mkdir(parents=True)
    (theme / "pages" / "x.md").write_text("# Titel\n\n{{ niet_bekend }}\n", encoding="utf-8")
    with pytest.raises(KwsiteError) as err:
        Templates(theme).render("pages/x.md")
    assert str(err.value).startswith(
        "theme/pages/x.md:3:0 fout bij het invullen van het sjabloon: 'niet_bekend' bestaat niet"
    )


def test_missing_template_is_named():
    with pytest.raises(KwsiteError) as err:
        Templates().render("pages/bestaat-niet.md")
    assert "sjabloon niet gevonden: pages/bestaat-niet.md" in str(err.value)


def test_jinja_messages_reach_the_editor_in_dutch(tmp_path):
    """The review saw "'dict object' has no attribute 'titel'" and "unexpected '**'" in a Dutch frame."""
    pages = tmp_path / "theme" / "pages"
    pages.mkdir(parents=True)
    (pages / "a.md").write_text("# {{ ind.titel }}\n", encoding="utf-8")
    (pages / "b.md").write_text("{{ x ** }}\n", encoding="utf-8")
    (pages / "c.md").write_text("{{ volgende_meting }}\n", encoding="utf-8")
    said = []
    for name, context in (("pages/a.md", {"ind": {"title": "1a"}}), ("pages/b.md", {}), ("pages/c.md", {})):
        with pytest.raises(KwsiteError) as caught:
            Templates(tmp_path / "theme").render(name, **context)
        said.append(str(caught.value.problems[0]))
    assert said == [
        "theme/pages/a.md:1:0 fout bij het invullen van het sjabloon: onbekend veld 'titel' (tikfout?)",
        "theme/pages/b.md:1:0 fout in sjabloon: onverwacht einde van {{ … }} (een teken te veel of te weinig?)",
        "theme/pages/c.md:1:0 fout bij het invullen van het sjabloon: 'volgende_meting' bestaat niet "
        "(tikfout? zie de velden in de kop van het sjabloon)",
    ]
