"""The mutation cases of ``tests/test_mutations.py``: plausible editing slips and hostile input over
every data file of the three sites and the test site, each a function that changes a fresh copy.

Sites: ``mini`` (tests/fixtures/mini), ``flag`` (repo root), ``noord`` (examples/noorderpoort),
``clus`` (examples/clusius). A case name starts with its site. Each case was either published wrong
or silently, ended in a traceback or a message at the wrong place before issue #16, or guards a
class of slip named in the issue; its expected message lines are in ``tests/golden/mutations/``.
"""

from pathlib import Path


def R(rel, old, new, count=1):
    def run(site: Path):
        path = site / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return run


def W(rel, text):
    return lambda site: (site / rel).write_text(text, encoding="utf-8")


def WB(rel, data):
    return lambda site: (site / rel).write_bytes(data)


def PRE(rel, text):
    """Put ``text`` before the first line of ``rel`` (line numbers after it stay countable)."""
    return lambda site: (site / rel).write_text(text + (site / rel).read_text(encoding="utf-8"), encoding="utf-8")


def END(rel, text):
    """Put ``text`` after the last line of ``rel``."""
    return lambda site: (site / rel).write_text((site / rel).read_text(encoding="utf-8") + text, encoding="utf-8")


def LINK(rel, target):
    def run(site: Path):
        path = site / rel
        if path.exists() or path.is_symlink():
            path.unlink()
        path.symlink_to(target)

    return run


def MV(rel, new):
    return lambda site: (site / rel).rename(site / new)


def ALL(*steps):
    def run(site: Path):
        for step in steps:
            step(site)

    return run


def OUTSIDE(rel, name, text):
    """``rel`` becomes a link to a file ``name`` next to the site (outside it)."""

    def run(site: Path):
        outside = site.parent / name
        outside.write_text(text, encoding="utf-8")
        LINK(rel, outside)(site)

    return run


MI, MU, MT, MB, MM, MA, MTB = (
    "data/indicators.yaml",
    "data/units.yaml",
    "data/themes.yaml",
    "data/budget.yaml",
    "data/measures.yaml",
    "data/agenda.yaml",
    "data/tables.yaml",
)
MC = "data/tables/cijfer.csv"
FI, FU, FT, FB, FM, FA, FTB = MI, MU, MT, MB, MM, MA, MTB
IBM, VSVE, START = (
    "data/tables/ibm-per-college.csv",
    "data/tables/vsv-entree.csv",
    "data/tables/startersresultaat-per-college.csv",
)
NI, NA, NP, NR, NACT, NT, NTB = (MI, MA, "data/process.yaml", "data/ratios.yaml", "data/activities.yaml", MT, MTB)
NVSV, NCNT = "data/tables/vsv-noorderpoort-landelijk.csv", "data/tables/vsv-aantallen.csv"
CL, CP, CU, CA = "data/lines.yaml", "data/teamplans.yaml", MU, MA
T20 = "{year: 2020, kind: value, value: 45}"
DEEP = "themes:\n  - " + "[" * 60 + "]" * 60 + "\n"

CASES = {
    # --- numbers YAML reads differently from how people read them (mini, every numeric form) ---
    "mini-octal-target": R(MI, T20, "{year: 2020, kind: value, value: 045}"),
    "mini-sexagesimal-target": R(MI, T20, "{year: 2020, kind: value, value: 1:30}"),
    "mini-underscore-target": R(MI, T20, "{year: 2020, kind: value, value: 4_5}"),
    "mini-hex-target": R(MI, T20, "{year: 2020, kind: value, value: 0x2D}"),
    "mini-octal-0o-target": R(MI, T20, "{year: 2020, kind: value, value: 0o55}"),
    "mini-binary-target": R(MI, T20, "{year: 2020, kind: value, value: 0b101101}"),
    "mini-exponent-target": R(MI, T20, "{year: 2020, kind: value, value: 4.5e1}"),
    "mini-signed-exponent-target": R(MI, T20, "{year: 2020, kind: value, value: 4.5e+1}"),
    "mini-plus-target": R(MI, T20, "{year: 2020, kind: value, value: +45}"),
    "mini-trailing-dot-target": R(MI, T20, "{year: 2020, kind: value, value: 45.}"),
    "mini-leading-dot-baseline": R(MI, "baseline: {value: 6.7, year: 2017}", "baseline: {value: .67e1, year: 2017}"),
    "mini-inf-baseline": R(MI, "baseline: {value: 6.7, year: 2017}", "baseline: {value: .inf, year: 2017}"),
    "mini-nan-baseline": R(MI, "baseline: {value: 6.7, year: 2017}", "baseline: {value: .nan, year: 2017}"),
    "mini-quoted-exponent-baseline": R(
        MI, "baseline: {value: 38, year: 2018}", 'baseline: {value: "3.8e1", year: 2018}'
    ),
    "mini-bool-baseline": R(MI, "baseline: {value: 38, year: 2018}", "baseline: {value: yes, year: 2018}"),
    "mini-huge-plain-number": R(
        MI, "baseline: {value: 38, year: 2018}", "baseline: {value: 38000000000000000, year: 2018}"
    ),
    "mini-octal-budget-share": R(MB, "total: {share_pct: 100,", "total: {share_pct: 0100,"),
    "mini-sexagesimal-delta": R(MI, "delta: 0.2, value: 6.9", "delta: 0:20, value: 6.9"),
    "mini-underscore-basis": R(MB, "basis_mln: 10", "basis_mln: 1_0"),
    "mini-octal-theme-number": R(MT, "    number: 1", "    number: 01"),
    "mini-octal-period": R(MA, "period_start: 2019", "period_start: 0o3743"),
    "mini-comma-thousands-amount": R(MB, "amount_mln: 10.0}\n  total", "amount_mln: 10,0}\n  total"),
    # --- YAML structure and safety ---
    "mini-deep-nesting": W(MT, DEEP),
    "mini-deep-nesting-1000": W(MT, "themes:\n  - " + "[" * 1000 + "]" * 1000 + "\n"),
    "mini-deep-mapping": W(
        MT, "themes:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 60)) + "  " * 60 + "x: 1\n"
    ),
    "mini-merge-key": R(MT, "    number: 1", "    <<: {number: 1}"),
    "mini-include-tag": R(MT, "text: Hogere opbrengst", "text: !include /etc/passwd"),
    "mini-python-name-tag": R(MT, "text: Hogere opbrengst", "text: !!python/name:os.system"),
    "mini-binary-tag": R(MT, "text: Hogere opbrengst", "text: !!binary aGVsbG8="),
    "mini-set-tag": R(MT, "text: Hogere opbrengst", "text: !!set {a, b}"),
    "mini-nul-byte-in-text": R(MT, "text: Hogere opbrengst", 'text: "Hogere\\0opbrengst"'),
    "mini-two-documents": R(MM, "measures:", "---\nmeasures: []\n---\nmeasures:"),
    "mini-bom-and-crlf-ok-but-typo": WB(
        MM,
        "\ufeffmeasures:\r\n  - id: kern-1\r\n    theme: kern\r\n    group: programma\r\n    titel: Mentoraat\r\n    units: [noord]\r\n".encode(
            "utf-8"
        ),
    ),
    "mini-non-string-key": R(MT, "    number: 1", "    [a]: 1\n    number: 1"),
    "mini-null-record": R(MU, "  - id: zuid", "  -\n  - id: zuid"),
    "mini-list-instead-of-mapping": R(MA, "  edition:\n", "  edition:\n  - x\n", 1),
    # --- files in data/ ---
    "mini-misnamed-measures": MV(MM, "data/measure.yaml"),
    "mini-yml-extension": MV(MT, "data/themes.yml"),
    "mini-unknown-json": W("data/indicators.json", "{}"),
    "mini-unrelated-yaml": W("data/notities.yaml", "x: 1\n"),
    "mini-agenda-missing": lambda site: (site / MA).unlink(),
    "mini-data-link-dev-zero": LINK(MB, "/dev/zero"),
    "mini-data-link-outside": OUTSIDE(MM, "buiten.yaml", "measures: []\n"),
    "mini-data-link-proc": LINK(MT, "/proc/self/environ"),
    "mini-data-file-is-folder": lambda site: [(site / MM).unlink(), (site / MM).mkdir()],
    "mini-data-fifo": lambda site: [(site / MM).unlink(), __import__("os").mkfifo(site / MM)],
    "mini-csv-link-dev-zero": LINK(MC, "/dev/zero"),
    "mini-csv-nul-in-path": R(MTB, "file: tables/cijfer.csv", 'file: "tables/cijfer\\0.csv"'),
    "mini-csv-newline-in-path": R(MTB, "file: tables/cijfer.csv", 'file: "tables/cijfer\\n.csv"'),
    "mini-csv-folder-as-file": R(MTB, "file: tables/cijfer.csv", "file: tables"),
    "mini-yaml-over-size": W(MM, "measures: []\n" + "#" * (2 * 1024 * 1024 + 10) + "\n"),
    # --- CSV limits ---
    "mini-csv-cell-128k": R(MC, "Nrd,6.5", "Nrd," + "6" * 140_000),
    "mini-csv-long-label": R(MC, "Nrd,", "N" * 300 + ","),
    "mini-csv-too-many-rows": lambda site: (site / MC).write_text(
        "label,2015\n" + "".join(f"r{i},6.5\n" for i in range(2100)), encoding="utf-8"
    ),
    "mini-csv-too-many-columns": lambda site: (site / MC).write_text(
        "label," + ",".join(str(1900 + i) for i in range(150)) + "\nNrd," + ",".join("6.5" for _ in range(150)) + "\n",
        encoding="utf-8",
    ),
    "mini-csv-over-size": lambda site: (site / MC).write_text(
        "label,2015\n" + "#" * (1024 * 1024 + 10) + ",1\n", encoding="utf-8"
    ),
    "mini-csv-nul-byte": WB(MC, b"label,2015,2016,2017\nNrd,6.5,6\x00.8,7.0\nTotaal ROCA,6.3,6.8,6.7\n"),
    "mini-csv-unclosed-quote": R(MC, "Nrd,6.5", 'Nrd,"6.5'),
    "mini-csv-exponent-cell": R(MC, "Nrd,6.5", "Nrd,6.5e0"),
    "mini-csv-nan-cell": R(MC, "Nrd,6.5", "Nrd,NaN"),
    "mini-csv-infinity-cell": R(MC, "Nrd,6.5", "Nrd,Infinity"),
    "mini-csv-underscore-cell": R(MC, "Nrd,6.5", "Nrd,6_5"),
    "mini-csv-percent-sign": R(MC, "Nrd,6.5", "Nrd,6.5%"),
    "mini-csv-header-only": W(MC, "label,2015,2016,2017\n"),
    # --- units: a name may point at one unit only ---
    "mini-alias-of-other-unit": R(MU, '"Nrd"]', '"Nrd", "College Zuid"]'),
    "mini-alias-is-total": R(MU, '"Nrd"]', '"Nrd", "Totaal ROCA"]'),
    "mini-alias-case-space": R(MU, '"Nrd"]', '"Nrd", "  college   ZUID "]'),
    "mini-short-name-twice": R(MU, "    short_name: Zuid", "    short_name: Noord"),
    "mini-code-twice": R(MU, "    short_name: Zuid\n", '    short_name: Zuid\n    code: "100"\n'),
    "flag-lelystad-alias-on-poort": R(
        FU, "      - Totaal 7110 - MBO College Poort", "      - Totaal 7110 - MBO College Poort\n      - Lelystad"
    ),
    "flag-alias-is-total-alias": R(
        FU, "      - Totaal 7110 - MBO College Poort", "      - Totaal 7110 - MBO College Poort\n      - ROC"
    ),
    "flag-code-of-other-college": R(FU, 'code: "7110"', 'code: "7200"'),
    "clus-unit-name-twice": R(CU, "    short_name: vmbo Hoorn", "    short_name: mbo"),
    # --- themes ---
    "mini-duplicate-theme-number": R(
        MT, "themes:\n", "themes:\n  - {id: tweede, number: 1, title: Tweede, short_title: Tweede}\n"
    ),
    "flag-duplicate-theme-number": R(FT, "    number: 2", "    number: 1"),
    "noord-duplicate-theme-number": R(NT, "    number: 1", "    number: 2"),
    "noord-theme-duplicate-key": R(NT, "kind: precondition", "kind: precondition\n    number: 5"),
    # --- a table wired to the wrong indicator ---
    "mini-table-of-other-indicator": R(
        MI, "baseline: {value: 38, year: 2018}", "baseline: {value: 38, year: 2018}\n    tables: [cijfer]"
    ),
    "mini-table-points-elsewhere": R(MTB, "indicator: 1a", "indicator: 1b"),
    "mini-table-unit-differs": R(MTB, "    unit: grade", "    unit: percent"),
    "flag-vsv-table-under-ibm": R(FI, "    tables:\n      - ibm-per-college", "    tables:\n      - vsv-entree"),
    "noord-count-table-under-percent-indicator": R(
        NI, "    tables:\n      - vsv-noorderpoort-landelijk", "    tables:\n      - vsv-aantallen"
    ),
    # --- implausible values (a factor ~100) ---
    "mini-target-as-fraction": R(MI, T20, "{year: 2020, kind: value, value: 0.45}"),
    "mini-realisation-as-fraction": R(
        MI,
        "value: 50, indicative: true}",
        "value: 50, indicative: true}\n    realisations:\n      - {year: 2019, value: 0.41}",
    ),
    # under the factor 50 (38 / 0.776 = 49): a fraction below 1 beside a reference of 10 or more (FRACTION_FACTOR)
    "flag-csv-realisation-as-fraction": W(
        "data/realisations.csv", "indicator,unit,year,period,breakdown,value,note\n1b,,2020,,,0.776,\n"
    ),
    "flag-yaml-realisation-as-fraction": R(
        FI,
        "    baseline:\n      value: 38\n",
        "    realisations:\n      - {year: 2019, value: 0.776}\n    baseline:\n      value: 38\n",
    ),
    "mini-target-as-fraction-under-50": R(MI, T20, "{year: 2020, kind: value, value: 0.8}"),
    "flag-hbo-cell-as-fraction-under-50": R(
        "data/tables/doorstroom-mbo4-hbo-per-college.csv", "Zuidoost,48.1,", "Zuidoost,0.9,"
    ),
    "mini-baseline-times-100": R(
        MI,
        "{year: 2022, kind: value, value: 50, indicative: true}",
        "{year: 2022, kind: value, value: 0.5, indicative: true}",
    ),
    "flag-vsv-as-fractions": W(VSVE, "label,2014,2015,2016\nROC,0.312,0.300,0.263\nlandelijk mbo,0.317,0.284,0.262\n"),
    "flag-starters-row-as-fraction": R(
        START, "5110 - MBO College Zuid,82,80,82", "5110 - MBO College Zuid,0.82,0.80,0.82"
    ),
    "flag-starters-all-fractions": lambda site: (site / START).write_text(
        "\n".join(
            row
            if i == 0
            else ",".join(
                [row.split(",")[0]]
                + [str(int(v) / 100) if v.strip() not in ("", "-") else v for v in row.split(",")[1:]]
            )
            for i, row in enumerate((site / START).read_text(encoding="utf-8").splitlines())
        )
        + "\n",
        encoding="utf-8",
    ),
    "noord-vsv-as-fractions": W(
        NVSV, "label,’14-‘15,’15-‘16,’16-‘17\nNoorderpoort,0.039,0.042,0.042\nlandelijk,0.05,0.047,0.047\n"
    ),
    "mini-data-unclosed-directive": R(MT, "text: Hogere opbrengst", "text: Hogere opbrengst dan [[ind.1a.baseline"),
    "mini-data-directive-over-lines": R(
        MT, "text: Hogere opbrengst", 'text: "Hogere opbrengst dan [[ind.1a.\\nbaseline]]"'
    ),
    "mini-data-directive-too-long": R(MT, "text: Hogere opbrengst", "text: Hogere [[" + "x" * 230 + "]]"),
    "mini-data-empty-directive": R(MT, "text: Hogere opbrengst", "text: Hogere [[]] opbrengst"),
    "mini-data-nested-directive": R(MT, "text: Hogere opbrengst", "text: Hogere [[ind.[[x]]]] opbrengst"),
    "mini-data-superscript-year": R(MT, "text: Hogere opbrengst", "text: Hogere opbrengst, [[ind.1a.target.2020²]]"),
    "mini-data-arabic-digit-year": R(MT, "text: Hogere opbrengst", "text: Hogere opbrengst, [[ind.1a.target.٢٠٢٠]]"),
    "mini-data-unknown-kind": R(MT, "text: Hogere opbrengst", "text: Hogere opbrengst, [[indicator.1a.baseline]]"),
    "flag-measure-summary-unclosed": R(FM, "title: Integrale aanpak", "title: Integrale aanpak [[ind.1a.baseline"),
    "noord-activity-title-unknown-ref": R(
        NACT, "title: Project Nieuwe wegen", "title: Project Nieuwe wegen [[ind.9z.name]]"
    ),
    "clus-line-goal-unclosed": R(
        CL, "        category: Kwaliteitscultuur", "        category: Kwaliteitscultuur [[agenda.period"
    ),
    # --- hostile text in every kind of field that reaches a page (must fail, not become markup) ---
    "mini-unit-id-with-markup": R(MU, "  - id: zuid", "  - id: <b>zuid</b>"),
    "mini-theme-id-path": R(MT, "  - id: kern", "  - id: ../kern"),
    "mini-indicator-id-slash": R(MI, "  - id: 1b", "  - id: 1b/../x"),
    "mini-table-id-space": R(MTB, "  - id: cijfer", "  - id: cijfer tabel"),
    "mini-measure-id-upper": R(MM, "  - id: kern-1", "  - id: Kern-1"),
    "mini-id-too-long": R(MM, "  - id: kern-1", "  - id: " + "k" * 80),
    "mini-text-too-long": R(MT, "text: Hogere opbrengst", "text: " + "x" * 20_001),
    "mini-empty-title": R(MT, "    title: Kernthema", '    title: ""'),
    "mini-unit-kind-unknown": R(
        MU, "    institution: roca\n    aliases", "    institution: roca\n    kind: faculteit\n    aliases"
    ),
    "mini-edition-previous-option": R(
        MA, "    status: concept", '    status: concept\n    previous: "--output=/tmp/kwsite-gehackt"'
    ),
    "mini-edition-previous-dash": R(MA, "    status: concept", '    status: concept\n    previous: "-p"'),
    "mini-edition-previous-dotdot": R(MA, "    status: concept", '    status: concept\n    previous: "../../etc"'),
    "mini-edition-previous-space": R(MA, "    status: concept", '    status: concept\n    previous: "v1 --help"'),
    "mini-edition-previous-nul": R(MA, "    status: concept", '    status: concept\n    previous: "v1\\0x"'),
    # --- flagship data files, one slip each ---
    "flag-agenda-period-swapped": R(FA, "  period_start: 2019", "  period_start: 2023"),
    "flag-budget-share-typo": R(FB, "      share_pct: 25", "      share_pct: 2.5"),
    "flag-budget-octal-share": R(FB, "      share_pct: 25", "      share_pct: 025"),
    "flag-indicator-baseline-comma": R(FI, "      value: 6.7\n      year: 2017", "      value: 6,7\n      year: 2017"),
    "flag-indicator-baseline-outside-scale": R(
        FI, "      value: 6.7\n      year: 2017", "      value: 67\n      year: 2017"
    ),
    "flag-indicator-delta-mismatch": R(
        FI, "        delta: 0.2\n        value: 6.9", "        delta: 0.2\n        value: 7.9"
    ),
    "flag-indicator-unknown-table": R(
        FI, "    tables:\n      - ibm-per-college", "    tables:\n      - ibm-per-colege"
    ),
    "flag-indicator-target-year-octal": R(
        FI, "      - year: 2020\n        kind: relative", "      - year: 02020\n        kind: relative"
    ),
    "flag-measure-unknown-theme": R(
        FM,
        "    theme: meerjarenstrategie\n    group: programma\n    title: Integrale aanpak",
        "    theme: meerjarenstrategy\n    group: programma\n    title: Integrale aanpak",
    ),
    # review rv1: a realisation with a breakdown on an indicator without split targets vanished from the stand table
    "flag-realisation-breakdown-unsplit": R(
        FI,
        "    tables:\n      - ibm-per-college\n",
        "    realisations:\n      - year: 2019\n        value: 6.8\n        breakdown: Entree\n"
        "    tables:\n      - ibm-per-college\n",
    ),
    # review rv1: an unclosed "<!--" in a data text hid the rest of the generated page; validate said "In orde"
    "flag-measure-summary-open-comment": R(
        FM, "      opbrengsten worden zowel gemeten", "      opbrengsten <!-- nog checken worden zowel gemeten"
    ),
    "flag-measure-duplicate-id": R(FM, "  - id: mjs-2", "  - id: mjs-1"),
    # review rv1: a source_ref typo was reported as an id problem ("id mag alleen kleine letters ...")
    "flag-measure-source-ref-no-dot": R(FM, "source_ref: S3 r. 5769-5781", "source_ref: S3 r 5769-5781"),
    "flag-measure-source-ref-reversed": R(FM, "source_ref: S3 r. 5769-5781", "source_ref: S3 r. 5781-5769"),
    "flag-tables-file-missing": R(FTB, "file: tables/ibm-per-college.csv", "file: tables/ibm-per-college.cvs"),
    "flag-tables-unit-typo": R(FTB, "    indicator: 1a\n    unit: grade", "    indicator: 1a\n    unit: cijfer"),
    "flag-themes-number-text": R(FT, "    number: 3", "    number: drie"),
    "flag-units-unknown-institution": R(
        FU, '    code: "7200"\n    institution: rocvf\n', '    code: "7200"\n    institution: rocvz\n'
    ),
    "flag-ibm-comma-decimal": R(IBM, "Airport,6.8,6.8,7.0", 'Airport,"6,8",6.8,7.0'),
    "flag-ibm-outside-scale": R(IBM, "Airport,6.8,6.8,7.0", "Airport,68,6.8,7.0"),
    "flag-ibm-unknown-label": R(IBM, "Amstlnd,", "Amstelveen,"),
    "flag-ibm-duplicate-college": R(IBM, "Wstprt,", "Noord,"),
    "flag-ibm-row-shifted": R(IBM, "Almere,5.7,6.7,6.8", "Almere,,5.7,6.7,6.8"),
    "flag-ibm-header-year-typo": R(IBM, "label,2015,2016,2017", "label,2015,2016,2016"),
    # review rv1: these put the 2017 values under another year without a word at the CSV
    "flag-ibm-header-year-future": R(IBM, "label,2015,2016,2017", "label,2015,2016,2107"),
    "flag-ibm-header-years-swapped": R(IBM, "label,2015,2016,2017", "label,2015,2017,2016"),
    "flag-ibm-header-year-decimal": R(IBM, "label,2015,2016,2017", "label,2015,2016,2017.0"),
    "flag-vsv-landelijk-as-roc": R(VSVE, "landelijk mbo,", "ROC,"),
    "flag-starters-percent-over-100": R(START, "5110 - MBO College Zuid,82,80,82", "5110 - MBO College Zuid,82,800,82"),
    # --- Noorderpoort data files ---
    "noord-agenda-octal-period": R(NA, "  period_end: 2022", "  period_end: 03746"),
    "noord-indicator-score-outside": R(NI, "      value: 3.5 ", "      value: 35 "),
    "noord-activity-budget-thousands": R(NACT, "budget: {2019: 80000}", "budget: {2019: 80.000}"),
    "noord-activity-budget-year-outside": R(NACT, "budget: {2019: 80000}", "budget: {2029: 80000}"),
    "noord-activity-budget-exponent": R(NACT, "budget: {2019: 80000}", 'budget: {2019: "8e4"}'),
    "noord-activity-unknown-theme": R(
        NACT, "    theme: kwetsbare-jongeren\n    label: a", "    theme: kwetsbare-jongere\n    label: a"
    ),
    "noord-activity-duplicate-id": R(NACT, "  - id: digitale-inclusie", "  - id: nieuwe-wegen"),
    "noord-process-when-no-month": R(NP, "      - when: 7 juni 2018", "      - when: zomer 2018"),
    "noord-process-year-contradicts": R(
        NP, "      - when: 7 juni 2018", "      - when: 7 juni 2018\n        year: 2018"
    ),
    "noord-process-unknown-key": R(NP, "        actors: [OCW]", "        actor: [OCW]"),
    "noord-ratio-percent-over-100": R(NR, "percent: 28.4, norm: 27.5", "percent: 284, norm: 27.5"),
    "noord-ratio-numerator-over-denominator": R(
        NR, "denominator: 197, numerator: 56", "denominator: 56, numerator: 197"
    ),
    "noord-ratio-octal-denominator": R(NR, "denominator: 197, numerator: 56", "denominator: 0197, numerator: 56"),
    "noord-ratio-unknown-theme": R(
        NR, "    theme: kwetsbare-jongeren\n    column: Niveau", "    theme: kwetsbare-jonge\n    column: Niveau"
    ),
    "noord-ratio-duplicate-column": R(NR, "{label: Niv.2, denominator: 1731", "{label: Niv.1, denominator: 1731"),
    "noord-tables-file-outside": R(NTB, "file: tables/vsv-aantallen.csv", "file: /etc/hostname"),
    "noord-vsv-percent-over-100": R(NVSV, "Noorderpoort,3.9,", "Noorderpoort,390,"),
    "noord-count-with-point": R(NCNT, "landelijk,19467,", "landelijk,19.467,"),
    "noord-count-negative": R(NCNT, "Noorderpoort,380,", "Noorderpoort,-380,"),
    "noord-themes-id-duplicate": R(NT, "  - id: gelijke-kansen", "  - id: kwetsbare-jongeren"),
    # --- Clusius data files ---
    "clus-agenda-period-octal": R(CA, "  period_start: 2020", "  period_start: 02020"),
    "clus-lines-unknown-unit": R(CL, "  - unit: mbo\n", "  - unit: mb0\n"),
    "clus-lines-kind-typo": R(
        CL,
        "        kind: actielijn\n        category: Kwaliteitscultuur",
        "        kind: actie-lijn\n        category: Kwaliteitscultuur",
    ),
    "clus-lines-duplicate-id": R(CL, "      - id: mbo-al-llo ", "      - id: mbo-al-kwaliteitssysteem "),
    "clus-teamplan-unknown-line": R(CP, "    line: vmbo-vl-oudercommunicatie", "    line: vmbo-vl-ouder-communicatie"),
    "clus-teamplan-unknown-unit": R(CP, "    unit: vmbo-hoorn", "    unit: vmbo-horn"),
    "clus-teamplan-grade-comma": R(CP, "        baseline: 7.9", "        baseline: 7,9"),
    "clus-teamplan-grade-outside": R(CP, "        value: 8.5\n", "        value: 85\n"),
    "clus-teamplan-octal-target": R(CP, "        value: 8.5\n", "        value: 085\n"),
    "clus-units-link-outside": OUTSIDE(CU, "units-buiten.yaml", "units: []\n"),
    # --- content (validate side; the build side is in test_mutations.py) ---
    "mini-content-unclosed": R("content/index.md", "[[ind.1b.baseline]]", "[[ind.1b.baseline"),
    "mini-content-over-two-lines": R("content/index.md", "[[ind.1b.baseline]]", "[[ind.1b.\nbaseline]]"),
    "mini-content-too-long": R("content/index.md", "[[ind.1b.baseline]]", "[[" + "ind." * 60 + "]]"),
    "mini-content-empty": R("content/index.md", "[[ind.1b.baseline]]", "[[ ]]"),
    "mini-content-superscript-year": R("content/index.md", "[[ind.1b.baseline]]", "[[ind.1b.target.2020²]]"),
    "mini-content-comment-unclosed": END("content/index.md", "\n<!-- bron: redactie ->\nDeze alinea zou verdwijnen.\n"),
    "mini-content-table-extra-cell": END(
        "content/index.md", "\n| Jaar | Stand |\n|---|---|\n| 2020 | op koers | 7 |\n"
    ),
    "mini-content-frontmatter-title": PRE("content/index.md", "---\ntitle: Mini [[ind.1b.nulmeting]]\n---\n"),
    "mini-content-frontmatter-unclosed": PRE("content/index.md", "---\ntitle: Mini [[agenda.period\n---\n"),
    "mini-content-second-unclosed-after-good": R(
        "content/index.md", "[[ind.1b.baseline]]", "[[ind.1b.baseline]] en [[agenda.title"
    ),
    "mini-content-link-outside": LINK("content/env.md", "/proc/self/environ"),
    "mini-content-dir-link-outside": LINK("content/etc", "/etc"),
    "mini-content-image-link-outside": LINK("content/logo.png", "/etc/hostname"),
    "flag-content-unclosed": PRE("content/index.md", "Nulmeting [[ind.1a.baseline\n\n"),
    # review rv1: "<!-- bron: ... ->" (one dash short) hid every line up to the next "-->" from the page
    "flag-content-comment-unclosed": R(
        "content/hoofdstukken/02-trends-in-de-regio.md",
        "| Flevoland | 2,1%",
        "<!-- bron: S3 r. 12 ->\n| Flevoland | 2,1%",
    ),
    # review rv1: a "|" in a table cell silently dropped the rest of the cell from the page and the CSV
    "flag-content-pipe-in-table-cell": R(
        "content/hoofdstukken/02-trends-in-de-regio.md",
        "| 2,1% | zakelijke dienstverlening,",
        "| 2,1% | zakelijke | dienstverlening,",
    ),
    # review rv1: front matter that is no YAML became page text ("title: ..." as a heading under a rule)
    "flag-content-frontmatter-colon": PRE(
        "content/toegankelijkheid.md", "---\ntitle: Toegankelijkheid: zo werkt het\n---\n"
    ),
    "flag-content-frontmatter-no-mapping": PRE("content/toegankelijkheid.md", "---\ntitle Toegankelijkheid\n---\n"),
    "flag-content-unknown-indicator": PRE("content/index.md", "Nulmeting [[ind.1z.baseline]]\n\n"),
    "noord-content-over-two-lines": PRE("content/index.md", "Nulmeting [[ind.1b.\nbaseline]]\n\n"),
    "clus-content-unclosed": PRE("content/index.md", "Looptijd [[agenda.period\n\n"),
    # --- mkdocs.yml (validate side) ---
    "mini-nav-placeholder-typo": R("mkdocs.yml", "kwsite:themes", "kwsite:themas"),
    "mini-nav-placeholder-unknown": R("mkdocs.yml", "kwsite:budget", "kwsite:geld"),
    "mini-nav-title-unknown-ref": R("mkdocs.yml", "  - Home: index.md", "  - 'Home [[ind.9z.name]]': index.md"),
    "mini-nav-title-unclosed": R("mkdocs.yml", "  - Home: index.md", "  - 'Home [[agenda.period': index.md"),
    "mini-site-dir-is-data": R("mkdocs.yml", "site_dir: site", "site_dir: data"),
    "mini-site-dir-contains-docs": R("mkdocs.yml", "site_dir: site", "site_dir: ."),
    "mini-data-dir-outside": R("mkdocs.yml", "      data_dir: data", "      data_dir: ../buiten"),
    "mini-nav-path-outside": R(
        "mkdocs.yml", "  - kwsite:opendata", "  - kwsite:opendata\n  - Geheim: ../../../etc/passwd"
    ),
    "mini-nav-path-missing": R("mkdocs.yml", "  - Home: index.md", "  - Home: indx.md"),
    "mini-nav-path-nul": R("mkdocs.yml", "  - Home: index.md", '  - Home: "ind\\0ex.md"'),
    "flag-nav-placeholder-typo": R("mkdocs.yml", "kwsite:colleges", "kwsite:college"),
    "noord-nav-placeholder-typo": R("mkdocs.yml", "kwsite:activities", "kwsite:activiteiten"),
    "clus-nav-placeholder-typo": R("mkdocs.yml", "kwsite:teamplans", "kwsite:teamplan"),
    # --- several at once: data, content and mkdocs.yml problems in one run ---
    "mini-data-and-nav-at-once": ALL(
        R("mkdocs.yml", "kwsite:themes", "kwsite:themas"),
        R(MI, T20, "{year: 2020, kind: value, value: 045}"),
        LINK("content/env.md", "/proc/self/environ"),
    ),
    "mini-content-and-data-at-once": ALL(
        R("content/index.md", "[[ind.1b.baseline]]", "[[ind.1b.baseline"), R(MU, '"Nrd"]', '"Nrd", "College Zuid"]')
    ),
    # #17 item 18: one mistake, one line (no follow-on errors in other files), the right offset
    "flag-unit-code-unquoted": R(FU, '    code: "5110"', "    code: 5110"),
    "mini-unit-name-list-no-follow-on": R(MU, "    short_name: Noord\n", "    short_name: [Noord]\n"),
    "mini-csv-bom-then-cp1252": ALL(
        R(MU, '"Nrd"]', '"Nrd", "Noord (Café)"]'),
        WB(MC, b"\xef\xbb\xbflabel,2015,2016,2017\nNoord (Caf\xe9),6.5,6.8,7.0\nTotaal ROCA,6.3,6.8,6.7\n"),
    ),
}
