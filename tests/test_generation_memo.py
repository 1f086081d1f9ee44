"""Page generation does its work once (#20): what ``kwsite serve`` remembers between builds (rendered
page texts, chart digests, workbooks, the data zip) never shows a stale value, and the faster ways of
computing the same texts give exactly the old ones."""

import json
import posixpath
import random
from decimal import Decimal

import jinja2
import pytest
from markupsafe import Markup

from conftest import edit
from kwsite.build import build_pages, load_site
from kwsite.chartpool import Session
from kwsite.datasets import Dataset, indented_json
from kwsite.model import Indicator
from kwsite.numbers import machine
from kwsite.paths import rel
from kwsite.status import latest, realisation, units_with_data
from kwsite.templating import frozen


def _generate(site_dir, session=None) -> dict[str, str | bytes]:
    site, _ = load_site(site_dir / "data")
    generated, charts = build_pages(
        site, ["index.md"], site_dir / ".kwsite-cache", session=session, theme_dir=site_dir / "theme"
    )
    out = {g.path: g.content for g in generated}
    charts.finish()
    return out


@pytest.fixture
def counted_renders(monkeypatch):
    """How often Jinja2 renders a template (a remembered page is not rendered)."""
    calls = []
    original = jinja2.Template.render

    def render(self, *args, **kwargs):
        calls.append(self.name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", render)
    return calls


def test_serve_after_a_data_edit_gives_the_new_value_and_a_fresh_builds_bytes(mini, counted_renders):
    session = Session(1)
    try:
        first = _generate(mini, session)
        counted_renders.clear()
        again = _generate(mini, session)
        assert again == first and counted_renders == []  # nothing changed: every page remembered
        assert "7,0" in first["colleges/noord.md"] and "7,3" not in first["colleges/noord.md"]
        edit(mini, "data/tables/cijfer.csv", "Nrd,6.5,6.8,7.0", "Nrd,6.5,6.8,7.3")
        counted_renders.clear()
        after = _generate(mini, session)
        rendered = set(counted_renders)
    finally:
        session.close()
    fresh = _generate(mini)  # a new process's build: nothing remembered
    assert after == fresh
    college = after["colleges/noord.md"]
    assert "<td>7,3</td>" in college and "<td>7,0</td>" not in college  # the table shows the new value
    assert "College Noord: 2015 6,5; 2016 6,8; 2017 7,3." in college  # the chart's alt text too
    assert after["grafieken/college-noord-cijfer.svg"] != first["grafieken/college-noord-cijfer.svg"]
    assert "College Noord,6.5,6.8,7.3\n" in after["downloads/tabel-cijfer.csv"]
    assert after["downloads/tabel-cijfer.xlsx"] != first["downloads/tabel-cijfer.xlsx"]
    assert after["downloads/kwaliteitsagenda-data.zip"] != first["downloads/kwaliteitsagenda-data.zip"]
    assert "pages/college.md" in rendered  # the changed page is rendered again ...
    assert "pages/budget.md" not in rendered  # ... one whose context did not change is not


def test_serve_uses_a_template_put_in_theme_during_the_session(mini):
    session = Session(1)
    try:
        before = _generate(mini, session)
        target = mini / "theme" / "pages" / "colleges.md"
        target.parent.mkdir(parents=True)
        from kwsite.templating import PACKAGE_THEME

        text = (PACKAGE_THEME / "pages" / "colleges.md").read_text(encoding="utf-8")
        target.write_text(text.replace("# Bijlagen per mbo-college", "# Eigen bijlagen"), encoding="utf-8")
        after = _generate(mini, session)
        target.write_text(text.replace("# Bijlagen per mbo-college", "# Andere bijlagen"), encoding="utf-8")
        edited = _generate(mini, session)
    finally:
        session.close()
    assert "# Bijlagen per mbo-college" in before["colleges/index.md"]
    assert after["colleges/index.md"].startswith("# Eigen bijlagen")
    assert edited["colleges/index.md"].startswith("# Andere bijlagen")


def test_context_keys_tell_apart_what_renders_differently():
    assert frozen({"v": "a<b"}) != frozen({"v": Markup("a<b")})
    assert frozen({"v": Decimal("6.7")}) != frozen({"v": Decimal("6.70")})
    assert frozen({"v": 1}) != frozen({"v": True}) and frozen({"v": 1}) != frozen({"v": 1.0})
    assert frozen({"v": [1, 2]}) != frozen({"v": [2, 1]})
    assert frozen({"a": {"b": ["x"]}}) == frozen({"a": {"b": ["x"]}})


def test_dataset_json_is_the_json_modules_text():
    random.seed(20)
    cells = ["", "6.70", "7", "-0.5", "69.11", "1731", "tekst", 'aan"hal\\ing', "é ü €", "\u2028", "=1+1"]
    for n in range(300):
        columns = tuple(f"k{i}" if i else "label" for i in range(random.randint(1, 5)))
        rows = tuple(tuple(random.choice(cells) for _ in columns) for _ in range(random.randint(0, 4)))
        d = Dataset(f"d{n}", 'Tïtel "x"', columns, rows, "procent (0-100)", random.choice([None, "Bron"]), "a/b.md")
        doc = json.loads(d.json())
        assert d.json() == json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    for value in [{}, [], {"a": []}, [{}], {"x": [1, 2.5, None, True, "y"]}, float("nan"), 10**20, -0.0, ("a", [1])]:
        assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=1)


def test_data_package_descriptor_is_the_json_modules_text(mini):
    from kwsite.datapackage import descriptor, package_json, unique
    from kwsite.publication import Publication

    site, _ = load_site(mini / "data")
    generated, charts = build_pages(site, [])
    charts.close()
    datasets = unique([g.dataset for g in generated if g.is_dataset])
    about = Publication.of(site)
    assert len(datasets) > 3
    assert package_json(datasets, about) == json.dumps(descriptor(datasets, about), ensure_ascii=False, indent=1) + "\n"
    assert package_json(datasets, about) == package_json(datasets, about)  # each resource's text remembered
    assert package_json([], about) == json.dumps(descriptor([], about), ensure_ascii=False, indent=1) + "\n"


def test_relative_links_are_posixpaths():
    parts = ["", ".", "a", "b", "themas", "x.md", "index.md"]
    for f in ["/".join(p) for p in __import__("itertools").product(parts, repeat=3)]:
        for t in ["/".join(p) for p in __import__("itertools").product(parts, repeat=2)]:
            if t.strip("/"):
                assert rel.__wrapped__(f, t) == posixpath.relpath(t, posixpath.dirname(f) or "."), (f, t)
    assert rel("themas/a.md", "begroting.md") == "../begroting.md"
    assert rel("a.md", "../x.md") == "../x.md"


def test_machine_text_is_decimals_fixed_point_text():
    for v in [Decimal("1E+2"), Decimal("1E-9"), Decimal("6.70"), Decimal("-0"), 1731, 0, Decimal("123.4500")]:
        assert machine(v) == format(Decimal(v), "f")
    assert machine(Decimal("1E+2")) == "100" and machine(Decimal("6.70")) == "6.70" and machine(None) == ""


def _indicator(realisations):
    return Indicator.model_validate(
        {
            "id": "x1",
            "theme": "t",
            "name": "X",
            "unit": "percent",
            "polarity": "higher_is_better",
            "baseline": {"value": "60", "year": 2017},
            "targets": [{"year": 2020, "kind": "value", "value": "70"}],
            "realisations": realisations,
        }
    )


def test_realisation_lookup_keeps_the_first_and_follows_each_indicator():
    rows = [
        {"year": 2018, "value": "61"},
        {"year": 2018, "value": "99"},  # a second one for the same year: the first one counts, as before
        {"year": 2019, "value": "65", "unit": "b"},
        {"year": 2019, "value": "66", "unit": "a"},
        {"year": 2020, "value": "71", "unit": "b"},
    ]
    ind = _indicator(rows)
    assert realisation(ind, 2018).value == Decimal("61")
    assert realisation(ind, 2019, "a").value == Decimal("66") and realisation(ind, 2019) is None
    assert units_with_data(ind) == ["b", "a"]
    assert latest(ind, "b").year == 2020 and latest(ind).year == 2018
    other = _indicator(rows[2:])  # another indicator: its own lookup, never the first one's
    assert realisation(other, 2018) is None and latest(other).status.name == "NO_DATA"


def test_serve_sees_an_edit_of_a_template_in_a_linked_folder_inside_the_site(mini):
    from kwsite.templating import PACKAGE_THEME

    text = (PACKAGE_THEME / "pages" / "colleges.md").read_text(encoding="utf-8")
    (mini / "eigen").mkdir()
    (mini / "eigen" / "colleges.md").write_text(text.replace("# Bijlagen per mbo-college", "# Eerste"), "utf-8")
    (mini / "theme").mkdir()
    (mini / "theme" / "pages").symlink_to(mini / "eigen", target_is_directory=True)
    session = Session(1)
    try:
        first = _generate(mini, session)
        (mini / "eigen" / "colleges.md").write_text(text.replace("# Bijlagen per mbo-college", "# Tweede"), "utf-8")
        second = _generate(mini, session)
    finally:
        session.close()
    assert first["colleges/index.md"].startswith("# Eerste")
    assert second["colleges/index.md"].startswith("# Tweede")
