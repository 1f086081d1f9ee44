"""Broken input, case by case: ``kwsite validate --strict`` on the mini site with one
defect gives exactly the lines kept in ``tests/golden/broken/<case>.txt`` (exit status
first), one ``FILE:LINE:COL field: message`` line per problem, and never a traceback.

Regenerate the golden files after a deliberate change with ``pytest --update-golden``.
"""

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import edit
from kwsite.cli import main

GOLDEN = Path(__file__).parent / "golden" / "broken"
IND = "data/indicators.yaml"
CSV = "data/tables/cijfer.csv"
BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)},"
    f" *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)


def replace(rel, old, new):
    return lambda site: edit(site, rel, old, new)


def write(rel, text):
    return lambda site: (site / rel).write_text(text, encoding="utf-8")


def write_bytes(rel, data):
    return lambda site: (site / rel).write_bytes(data)


def append(rel, text):
    return lambda site: (site / rel).write_text((site / rel).read_text(encoding="utf-8") + text, encoding="utf-8")


def symlink_out(site):
    outside = site.parent / "buiten.csv"
    outside.write_text("label,2015\nNrd,1\n", encoding="utf-8")
    (site / "data/tables/link.csv").symlink_to(outside)
    edit(site, "data/tables.yaml", "tables/cijfer.csv", "tables/link.csv")


EXCEL_ROWS = "label;2015;2016;2017\r\nNrd;6,5;6,8;7,0\r\nTotaal ROCA;6,3;6,8;6,7\r\n"

CASES = {
    # YAML syntax and safety
    "yaml-unclosed-list": replace(
        "data/themes.yaml",
        'ambitions: ["Meer studenten halen hun diploma."]',
        'ambitions: ["Meer studenten halen hun diploma."',
    ),
    "yaml-colon-in-text": replace("data/themes.yaml", "text: Hogere opbrengst", "text: Hogere: opbrengst"),
    "yaml-unclosed-quote": replace("data/themes.yaml", "text: Hogere opbrengst", 'text: "Hogere opbrengst'),
    "yaml-tab": replace("data/themes.yaml", "    number: 1", "\tnumber: 1"),
    "yaml-bad-indent": replace("data/units.yaml", "  - id: zuid", " - id: zuid"),
    "yaml-python-tag": replace(
        "data/themes.yaml", "text: Hogere opbrengst", "text: !!python/object/apply:os.system [echo gehackt]"
    ),
    "yaml-alias-bomb": write("data/measures.yaml", BILLION_LAUGHS + "measures: []\n"),
    "yaml-huge-file": write("data/measures.yaml", "measures: []\n" + "#" * (2 * 1024 * 1024) + "\n"),
    "yaml-not-utf8": write_bytes("data/themes.yaml", "themes:\n  - id: kern\n    title: Caf\xe9\n".encode("latin-1")),
    "yaml-empty-file": write("data/themes.yaml", ""),
    "yaml-wrong-top-key": replace("data/themes.yaml", "themes:", "thema:"),
    "yaml-top-level-list": replace("data/units.yaml", "units:\n", ""),
    # keys and types
    "duplicate-key": replace(
        "data/units.yaml", "    institution: roca\n    aliases", "    institution: roca\n    name: Dubbel\n    aliases"
    ),
    "duplicate-top-key": append("data/budget.yaml", "budget:\n  basis_mln: 11\n"),
    "typo-key": replace(IND, "    scale: {min: 1, max: 10}", "    scael: {min: 1, max: 10}"),
    "missing-required": replace(IND, "    unit: grade", "    unti: grade"),
    "missing-title": replace("data/agenda.yaml", "  title: Kwaliteitsagenda Mini\n", ""),
    "wrong-type-int": replace("data/agenda.yaml", "period_start: 2019", "period_start: negentien"),
    "wrong-type-list": replace("data/measures.yaml", "units: [noord]", "units: noord"),
    "wrong-type-mapping": replace(IND, "    baseline: {value: 6.7, year: 2017}", "    baseline: 6.7"),
    "unknown-enum": replace(IND, "    unit: percent", "    unit: procent"),
    "empty-id": replace("data/units.yaml", "  - id: zuid", '  - id: ""'),
    "bad-id-chars": replace("data/units.yaml", "  - id: zuid", "  - id: Zuid College"),
    # ids and references
    "duplicate-id": replace("data/units.yaml", "  - id: zuid", "  - id: noord"),
    "duplicate-indicator": replace(IND, "  - id: 1b", "  - id: 1a"),
    "unknown-theme": replace(IND, "    theme: kern\n    name: Gemiddeld", "    theme: kernn\n    name: Gemiddeld"),
    "unknown-college-in-measure": replace("data/measures.yaml", "units: [noord]", "units: [west]"),
    "unknown-table-of-indicator": replace(IND, "    tables: [cijfer]", "    tables: [cijfers]"),
    "unknown-institution": replace(
        "data/units.yaml", "    institution: roca\n    aliases", "    institution: rocb\n    aliases"
    ),
    "unknown-theme-in-budget": replace("data/budget.yaml", "{theme: kern,", "{theme: kernn,"),
    # values
    "year-outside-period": replace(IND, "{year: 2022, kind: relative", "{year: 2029, kind: relative"),
    "outside-scale": replace(IND, "value: 6.7, year: 2017", "value: 16.7, year: 2017"),
    "percent-over-100": replace(IND, "{year: 2020, kind: value, value: 45}", "{year: 2020, kind: value, value: 145}"),
    "negative-percent": replace(IND, "baseline: {value: 38, year: 2018}", "baseline: {value: -3, year: 2018}"),
    "relative-target-mismatch": replace(IND, "delta: 0.2, value: 6.9", "delta: 0.2, value: 7.0"),
    "target-kind-fields": replace(IND, "{year: 2020, kind: value, value: 45}", "{year: 2020, kind: range, value: 45}"),
    "duplicate-target-year": replace(IND, "{year: 2022, kind: value, value: 50", "{year: 2020, kind: value, value: 50"),
    "budget-total-mismatch": replace(
        "data/budget.yaml", "total: {share_pct: 100, amount_mln: 10.0}", "total: {share_pct: 100, amount_mln: 11.0}"
    ),
    "budget-shares-not-100": replace("data/budget.yaml", "total: {share_pct: 100,", "total: {share_pct: 90,"),
    "huge-number": replace(IND, "value: 6.7, year: 2017", "value: 1e400, year: 2017"),
    "decimal-comma-in-yaml": replace(
        IND, "{year: 2020, kind: value, value: 45}", "{year: 2020, kind: value, value: 45,5}"
    ),
    "budget-share-over-100": replace("data/budget.yaml", "Kernthema, share_pct: 100,", "Kernthema, share_pct: 150,"),
    "budget-negative-amount": replace(
        "data/budget.yaml", "share_pct: 100, amount_mln: 10.0}\n  total", "share_pct: 100, amount_mln: -10.0}\n  total"
    ),
    # CSV tables
    "csv-grade-outside-scale": replace(CSV, "Nrd,6.5,6.8,7.0", "Nrd,6.5,68,7.0"),
    "csv-count-thousands-separator": lambda site: [
        append(
            "data/tables.yaml",
            "  - id: aantallen\n    title: Aantal studenten\n    file: tables/aantal.csv\n"
            "    unit: count\n    rows: series\n",
        )(site),
        write("data/tables/aantal.csv", "label,2017,2018\nlandelijk,19.467,17943\n")(site),
    ],
    "csv-ragged-row": replace(CSV, "Nrd,6.5,6.8,7.0", "Nrd,6.5,6.8,7.0,8"),
    "csv-decimal-comma": replace(CSV, "Nrd,6.5,6.8,7.0", 'Nrd,6.5,"6,8",7.0'),
    "csv-text-in-number": replace(CSV, "Nrd,6.5,6.8,7.0", "Nrd,6.5,n.v.t.,7.0"),
    "csv-unknown-college": replace(CSV, "Nrd,", "Noordpool,"),
    "csv-duplicate-college": replace(CSV, "Totaal ROCA,", "College Noord,"),
    "csv-bad-header": replace(CSV, "label,2015", "college,2015"),
    "csv-duplicate-period": replace(CSV, "label,2015,2016,2017", "label,2015,2016,2016"),
    "csv-empty": write(CSV, ""),
    "csv-excel-utf8-bom": write_bytes(
        CSV, "\ufefflabel,2015,2016,2017\r\nNrd,6.5,6.8,7.0\r\nTotaal ROCA,6.3,6.8,6.7\r\n".encode("utf-8")
    ),
    "csv-excel-semicolon": write_bytes(CSV, EXCEL_ROWS.encode("utf-8")),
    "csv-excel-semicolon-dot": write_bytes(CSV, EXCEL_ROWS.replace("6,8;7,0", "6.8;7,0").encode("utf-8")),
    "csv-excel-windows-1252": lambda site: [
        replace("data/units.yaml", '"Nrd"]', '"Nrd", "Collège Noord"]')(site),
        write_bytes(CSV, EXCEL_ROWS.replace("Nrd", "Collège Noord").encode("cp1252"))(site),
    ],
    "csv-missing-file": replace("data/tables.yaml", "tables/cijfer.csv", "tables/weg.csv"),
    "csv-path-escape": replace("data/tables.yaml", "tables/cijfer.csv", "../../etc/passwd"),
    "csv-absolute-path": replace("data/tables.yaml", "tables/cijfer.csv", "/etc/passwd"),
    "csv-symlink-out": symlink_out,
    # Markdown
    "md-unknown-indicator": replace("content/index.md", "[[ind.1b.baseline]]", "[[ind.9z.baseline]]"),
    "md-unknown-field": replace("content/index.md", "[[ind.1b.baseline]]", "[[ind.1b.nulmeting]]"),
    "md-target-year-without-target": replace("content/index.md", "[[ind.1b.baseline]]", "[[ind.1b.target.2021]]"),
    "md-not-utf8": write_bytes("content/index.md", "# Caf\xe9\n".encode("latin-1")),
    # several at once
    "many-at-once": lambda site: [
        replace(IND, "    unit: grade", "    unti: grade")(site),
        replace(CSV, "Nrd,", "Noordpool,")(site),
        replace("data/units.yaml", "  - id: zuid", "  - id: noord")(site),
        replace("data/budget.yaml", "amount_mln: 10.0}\n", "amount_mln: 10.5}\n")(site),
    ],
}


def run_validate(site: Path) -> str:
    result = CliRunner().invoke(main, ["validate", "--strict", str(site)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return f"exit {result.exit_code}\n{result.output}"


def test_every_golden_file_belongs_to_a_case():
    """A case renamed or removed leaves no stale golden file behind (a missing one fails its own case)."""
    assert sorted(p.stem for p in GOLDEN.glob("*.txt")) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_input_matches_golden(mini, name, update_golden):
    CASES[name](mini)
    out = run_validate(mini)
    assert "Traceback" not in out
    golden = GOLDEN / f"{name}.txt"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    lines = out.splitlines()
    for line in lines[1:-1]:  # every problem line starts FILE:LINE:COL (or FILE for a whole file)
        assert line.startswith(("data/", "content/")), line


def test_clean_mini_site_validates(mini):
    assert run_validate(mini) == "exit 0\nIn orde (0 waarschuwing(en)).\n"


def test_excel_variants_give_the_same_values(mini, tmp_path):
    from kwsite.build import load_site

    reference = load_site(mini / "data")[0].tables["cijfer"].rows
    for name in ("csv-excel-utf8-bom", "csv-excel-semicolon"):
        CASES[name](mini)
        rows = load_site(mini / "data")[0].tables["cijfer"].rows
        assert [(r.label, r.values) for r in rows] == [(r.label, r.values) for r in reference], name


def test_reference_into_a_record_that_failed_to_load_is_not_reported_again(mini):
    edit(mini, "data/themes.yaml", "text: Hogere opbrengst", "text: Hogere opbrengst, zie [[ind.1b.baseline]]")
    edit(mini, IND, "    unit: percent", "    unti: percent")
    lines = run_validate(mini).splitlines()
    assert lines[1:-1] == [
        "data/indicators.yaml:12:5 indicators[1].unit: verplicht veld ontbreekt",
        "data/indicators.yaml:15:5 indicators[1].unti: onbekende sleutel (tikfout?); bedoelt u 'unit'?",
    ], lines


def test_amount_written_with_a_thousands_point_is_refused(tmp_path):
    """S4 prints "€ 80.000"; typed as 80.000 in YAML it would read as eighty."""
    import shutil

    from conftest import ROOT

    site = tmp_path / "noorderpoort"
    shutil.copytree(ROOT / "examples/noorderpoort", site, ignore=shutil.ignore_patterns("site", ".kwsite-cache"))
    edit(site, "data/activities.yaml", "budget: {2019: 80000}", "budget: {2019: 80.000}")
    out = run_validate(site)
    assert out.startswith("exit 1\n")
    assert (
        "data/activities.yaml:12:14 activities[0].budget.2019: verwacht een heel getal van 0 of meer, "
        "zonder punt of komma: 80.000 (duizendtallen zonder scheidingsteken, 80000)"
    ) in out
