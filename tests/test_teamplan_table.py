"""The activities table of a team improvement plan holds whatever an editor types (issue #17 item 22)."""

from __future__ import annotations

import shutil

import markdown

from conftest import ROOT, edit
from kwsite.build import load_site
from kwsite.pages import teamplan

OLD = "        - what: Communicatie via de nieuwsbrief voortzetten\n"


def test_pipe_and_line_break_in_an_activity_stay_in_their_cell(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "examples" / "clusius" / "data", data)
    edit(
        tmp_path,
        "data/teamplans.yaml",
        OLD,
        '        - what: "Nieuwsbrief | ouderavond (fictief)"\n          who: [{role: "MT | team"}]\n'
        '          when: ["2021"]\n        - what: "Twee\\nregels"\n',
    )
    site, _ = load_site(data)
    page = teamplan.render(site, site.teamplans[0]).content
    html = markdown.markdown(page, extensions=["tables", "attr_list"])
    rows = [r for r in html.split("<tr>")[1:]]
    cells = [[c.split("</td>")[0] for c in r.split("<td>")[1:]] for r in rows[1:]]
    assert ["Nieuwsbrief | ouderavond (fictief)", "MT | team", "2021"] in cells
    assert ["Twee regels", "niet ingevuld", "niet ingevuld"] in cells
    assert all(len(c) == 3 for c in cells)
