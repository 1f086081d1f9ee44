"""Write a synthetic agenda of a large ROC: a valid kwsite site for the benchmark.

Run from the repository root::

    .venv/bin/python benchmarks/corpus.py OUT [--colleges 40] [--indicators 30]

Defaults follow issue 8: 40 colleges, 30 indicators (6 per theme), 6 years of
values (2017-2022), 5 themes, 300 measures, plus what a large ROC adds around
them: 100 team improvement plans, one set of action lines per college and
per college a narrative page per theme. That is about 500 pages and, with a
chart per indicator, per table and per college and table, over 1,200 charts.

Every figure is synthetic (the institution is "Synthetisch ROC") and made
from a fixed seed, so the same arguments always give the same files. The
site passes ``kwsite validate``; its ``mkdocs.yml`` has ``pdf: false`` (the
benchmark times the PDF on its own, see ``benchmarks/run.py``).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

YEARS = tuple(range(2017, 2023))
THEMES = (
    ("kwetsbaar", "Jongeren in een kwetsbare positie", "Kwetsbare jongeren", "kwetsbare_jongeren"),
    ("kansen", "Gelijke kansen", "Gelijke kansen", "gelijke_kansen"),
    ("arbeidsmarkt", "Aansluiting op de arbeidsmarkt", "Arbeidsmarkt", "arbeidsmarkt"),
    ("llo", "Leven lang ontwikkelen", "Leven lang ontwikkelen", None),
    ("professionals", "Sterke professionals", "Professionals", None),
)
SECTORS = ("Techniek", "Zorg", "Economie", "Media", "Horeca", "Logistiek", "Onderwijs", "Sport")
PLACES = ("Noord", "Zuid", "Oost", "West", "Centrum")
MEASURE_WORDS = (
    "Mentoraat",
    "Loopbaanbegeleiding",
    "Taalondersteuning",
    "Stage-netwerk",
    "Praktijkleren",
    "Studiekeuzecheck",
    "Docententeam",
    "Keuzedelen",
    "Hybride leren",
    "Ouderbetrokkenheid",
)
TEXT = (
    "Het college werkt in deze periode aan de ambities van het thema. Teams kiezen hun eigen aanpak "
    "en bespreken de voortgang twee keer per jaar met de directie."
)


AGENDA_YEARS = (2019, 2020, 2021, 2022)
STATES = ("niet gestart", "loopt", "loopt", "vertraagd", "afgerond", "afgerond", "gestopt")
"""Measure states in rotation (#15): every state occurs, most measures run or are done."""


def realisations(total: list[float], rows: dict[str, list[float | None]]) -> list[dict]:
    """The table's values for the agenda years as realisations: the institution and every college, every
    year (the one gap of the table stays a gap). No random numbers: the corpus's other figures stay as they were."""
    out = [{"year": y, "value": float(one(total[YEARS.index(y)]))} for y in AGENDA_YEARS]
    for uid, values in rows.items():
        out += [
            {"year": y, "value": float(one(values[YEARS.index(y)])), "unit": uid}
            for y in AGENDA_YEARS
            if values[YEARS.index(y)] is not None
        ]
    return out


def progress(i: int) -> list[dict]:
    """Measure states over time (fictional), ending in ``STATES[i % 7]``."""
    end = STATES[i % len(STATES)]
    steps = [{"date": "september 2019", "state": "loopt"}] if end not in ("niet gestart", "loopt") else []
    return steps + [{"date": f"{('maart', 'juni', 'oktober')[i % 3]} 202{1 + i % 2}", "state": end}]


def dump(path: Path, data: dict, comment: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = "# Synthetisch (benchmarks/corpus.py): geen echte cijfers.\n" + comment
    path.write_text(head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")


def one(value: float) -> str:
    return f"{value:.1f}"


class Corpus:
    """The synthetic site in memory; :meth:`write` puts it on disk."""

    def __init__(self, colleges: int, indicators: int, measures: int, teamplans: int, seed: int = 8) -> None:
        self.rng = random.Random(seed)
        self.units = [self._unit(i) for i in range(colleges)]
        self.indicators = [self._indicator(i) for i in range(indicators)]
        self.measures = measures
        self.teamplans = teamplans

    def _unit(self, i: int) -> dict:
        name = f"College {SECTORS[i % len(SECTORS)]} {PLACES[i // len(SECTORS) % len(PLACES)]}"
        name += f" {i // (len(SECTORS) * len(PLACES)) + 1}" if i >= len(SECTORS) * len(PLACES) else ""
        return {
            "id": f"c{i + 1:02d}",
            "name": name,
            "short_name": name.removeprefix("College "),
            "code": str(100 + i),
            "institution": "synth",
        }

    def _indicator(self, i: int) -> dict:
        theme = THEMES[i % len(THEMES)][0]
        grade = i % 3 == 2
        unit = "grade" if grade else "percent"
        base = round(self.rng.uniform(6.0, 7.2), 1) if grade else round(self.rng.uniform(40, 85), 1)
        step = 0.1 if grade else 1.0
        total = [round(base + step * self.rng.uniform(-1, 2) * k / 2, 1) for k in range(len(YEARS))]
        total = [min(v, 9.5 if grade else 99.0) for v in total]
        rows = {}
        for u in self.units:
            offset = self.rng.uniform(-0.6, 0.6) if grade else self.rng.uniform(-8, 8)
            rows[u["id"]] = [
                min(max(v + offset + self.rng.uniform(-step, step), 1.0), 9.9 if grade else 100.0) for v in total
            ]
        gap = self.rng.randrange(len(self.units))  # one college misses one year: shown as missing
        rows[self.units[gap]["id"]][self.rng.randrange(len(YEARS))] = None
        baseline = total[1]  # 2018
        ind = {
            "id": f"i{i + 1:02d}",
            "theme": theme,
            "name": f"Indicator {i + 1} ({THEMES[i % 5][2].lower()})",
            "unit": unit,
        }
        if grade:
            ind["scale"] = {"min": 1, "max": 10}
        ind["baseline"] = {"value": baseline, "year": 2018}
        if grade:
            ind["targets"] = [
                {"year": 2020, "kind": "relative", "delta": 0.2, "value": round(baseline + 0.2, 1)},
                {"year": 2022, "kind": "minimum", "value": round(baseline + 0.4, 1), "indicative": True},
            ]
        else:
            ind["targets"] = [
                {"year": 2020, "kind": "value", "value": round(min(baseline + 2, 99), 1)},
                {"year": 2022, "kind": "value", "value": round(min(baseline + 4, 99.5), 1), "indicative": True},
            ]
        ind["tables"] = [f"t-{ind['id']}"]
        ind["realisations"] = realisations(total, rows)
        return {"indicator": ind, "total": total, "rows": rows}

    # --- files ------------------------------------------------------------------------------------

    def write(self, out: Path) -> None:
        data = out / "data"
        dump(
            data / "agenda.yaml",
            {
                "agenda": {
                    "id": "synth-2019-2022",
                    "title": "Kwaliteitsagenda 2019-2022",
                    "subtitle": "Synthetisch ROC",
                    "institutions": [{"id": "synth", "name": "Synthetisch ROC", "short_name": "SynROC"}],
                    "total_name": "SynROC",
                    "total_aliases": ["Totaal SynROC"],
                    "period_start": 2019,
                    "period_end": 2022,
                    "edition": {"id": "synth-1", "label": "Benchmarkeditie", "status": "concept"},
                }
            },
        )
        dump(data / "units.yaml", {"units": self.units})
        dump(data / "themes.yaml", {"themes": [self._theme(n, t) for n, t in enumerate(THEMES, 1)]})
        dump(data / "indicators.yaml", {"indicators": [i["indicator"] for i in self.indicators]})
        dump(data / "tables.yaml", {"tables": [self._table_meta(i) for i in self.indicators]})
        for item in self.indicators:
            self._write_csv(data / "tables" / f"{item['indicator']['id']}.csv", item)
        share = 100 // len(THEMES)
        dump(
            data / "budget.yaml",
            {
                "budget": {
                    "basis_mln": 50,
                    "allocations": [
                        {"theme": t[0], "label": t[1], "share_pct": share, "amount_mln": 10.0} for t in THEMES
                    ],
                    "total": {"share_pct": 100, "amount_mln": 50.0},
                }
            },
        )
        dump(data / "measures.yaml", {"measures": [self._measure(i) for i in range(self.measures)]})
        dump(data / "lines.yaml", {"lines": [self._lines(u) for u in self.units]})
        dump(data / "teamplans.yaml", {"teamplans": [self._teamplan(i) for i in range(self.teamplans)]})
        self._write_content(out / "content")
        (out / "mkdocs.yml").write_text(self.mkdocs_yml(plugin=True), encoding="utf-8")

    def _theme(self, number: int, theme: tuple) -> dict:
        tid, title, short, national = theme
        out = {"id": tid, "number": number, "title": title, "short_title": short}
        if national:
            out["national"] = national
        out["ambitions"] = [f"Meer studenten profiteren van {short.lower()}."]
        out["goals"] = [{"id": "a", "text": f"Betere resultaten op {short.lower()}"}]
        return out

    def _table_meta(self, item: dict) -> dict:
        ind = item["indicator"]
        return {
            "id": f"t-{ind['id']}",
            "title": f"{ind['name']} per college",
            "file": f"tables/{ind['id']}.csv",
            "indicator": ind["id"],
            "unit": ind["unit"],
            "rows": "unit",
            "total": "Totaal SynROC",
        }

    def _write_csv(self, path: Path, item: dict) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = ["label," + ",".join(map(str, YEARS))]
        for uid, values in item["rows"].items():
            lines.append(uid + "," + ",".join("" if v is None else one(v) for v in values))
        lines.append("Totaal SynROC," + ",".join(one(v) for v in item["total"]))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def _measure(self, i: int) -> dict:
        theme = THEMES[i % len(THEMES)][0]
        units = sorted(self.rng.sample([u["id"] for u in self.units], 3))
        return {
            "id": f"m{i + 1:03d}",
            "theme": theme,
            "group": ("programma", "begeleiding")[i % 2],
            "title": f"{MEASURE_WORDS[i % len(MEASURE_WORDS)]} {i + 1}",
            "units": units,
            "summary": "Teams van de genoemde colleges voeren deze maatregel uit en delen wat werkt.",
            "progress": progress(i),
        }

    def _lines(self, unit: dict) -> dict:
        lines = []
        for k in range(4):
            kind = ("actielijn", "verbeterlijn")[k % 2]
            line = {
                "id": f"{unit['id']}-l{k + 1}",
                "kind": kind,
                "category": THEMES[k][2],
                "goal": f"Doel {k + 1} van {unit['short_name']}",
                "results": ["Het beoogde resultaat is bereikt."],
                "actions": ["Plan maken", "Uitvoeren", "Evalueren"],
                "monitoring": ["Kwartaalrapportage"],
                "timeline": ["Start: schooljaar 20-21", "Eindrapport: 2022"],
                "owners": [{"role": "Teamleider"}, {"role": "Directie", "person": f"P. Persoon {k}"}],
            }
            if kind == "verbeterlijn":
                line["time_box"] = "Schooljaar 20-21 en 21-22"
            lines.append(line)
        return {"unit": unit["id"], "title": f"Actie- en verbeterlijnen {unit['short_name']}", "lines": lines}

    def _teamplan(self, i: int) -> dict:
        unit = self.units[i % len(self.units)]
        before = round(self.rng.uniform(6.5, 7.5), 1)
        return {
            "id": f"team-{i + 1:03d}",
            "title": f"Verbeterplan team {i + 1}",
            "team": f"Team {i + 1} {unit['short_name']}",
            "unit": unit["id"],
            "goal": "De tevredenheid van studenten over de begeleiding stijgt.",
            "reasons": [{"kind": "resultaten", "text": "De JOB-monitor laat een lage score zien."}],
            "approach": {
                "activities": [{"what": "Mentorgesprekken vaker plannen"}, {"what": "Studenten vragen wat beter kan"}],
                "who": [{"role": "Team"}],
                "when": ["Schooljaar 21-22"],
            },
            "objective": {
                "text": f"De score stijgt van {one(before).replace('.', ',')} naar {one(before + 0.5).replace('.', ',')}.",
                "indicator": "Tevredenheid over begeleiding (JOB-monitor)",
                "target": {
                    "label": "Tevredenheid over begeleiding",
                    "kind": "from_to",
                    "unit": "grade",
                    "baseline": round(before, 1),
                    "value": round(before + 0.5, 1),
                    "as_written": f"van {one(before).replace('.', ',')} naar {one(before + 0.5).replace('.', ',')}",
                },
                "when": ["Schooljaar 21-22"],
                "measured_by": ["JOB-monitor"],
            },
        }

    def _write_content(self, content: Path) -> None:
        content.mkdir(parents=True, exist_ok=True)
        (content / "index.md").write_text(
            "# Kwaliteitsagenda Synthetisch ROC\n\nDe looptijd is [[agenda.period]]. Het ROC telt "
            "[[agenda.units.count]] colleges.\n",
            encoding="utf-8",
        )
        for n, (tid, title, _short, _national) in enumerate(THEMES, 1):
            ind = next(i["indicator"]["id"] for i in self.indicators if i["indicator"]["theme"] == tid)
            (content / "hoofdstukken").mkdir(exist_ok=True)
            (content / "hoofdstukken" / f"{n + 5:02d}-{tid}.md").write_text(
                f"# {title}\n\n{TEXT}\n\nDe nulmeting van {ind} is [[ind.{ind}.baseline]] "
                f"([[ind.{ind}.baseline.year]]); voor 2020 is de streefwaarde [[ind.{ind}.target.2020]].\n",
                encoding="utf-8",
            )
        for unit in self.units:
            folder = content / "verhalen" / unit["id"]
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "index.md").write_text(f"# {unit['name']}\n\n{TEXT}\n", encoding="utf-8")
            for tid, _title, short, _national in THEMES:
                inds = [i["indicator"]["id"] for i in self.indicators if i["indicator"]["theme"] == tid][:3]
                rows = "\n".join(
                    f"| {i} | [[table.t-{i}.{unit['id']}.2017]] | [[table.t-{i}.{unit['id']}.2022]] |" for i in inds
                )
                (folder / f"{tid}.md").write_text(
                    f"# {unit['short_name']}: {short}\n\n{TEXT}\n\n## Cijfers\n\n"
                    f"| Indicator | 2017 | 2022 |\n|---|---:|---:|\n{rows}\n\n## Aanpak\n\n{TEXT}\n\n"
                    f"Zie ook [de bijlage van het college](../../colleges/{unit['id']}.md).\n",
                    encoding="utf-8",
                )

    def mkdocs_yml(self, plugin: bool) -> str:
        """The site's ``mkdocs.yml``; without ``plugin`` the same site for stock MkDocs (nav written out)."""
        stories = [
            {u["short_name"]: [f"verhalen/{u['id']}/index.md"] + [f"verhalen/{u['id']}/{t[0]}.md" for t in THEMES]}
            for u in self.units
        ]
        nav = [
            {"Home": "index.md"},
            {"Hoofdstukken": [f"hoofdstukken/{n + 5:02d}-{t[0]}.md" for n, t in enumerate(THEMES, 1)]},
            {"Thema's": ["kwsite:themes"]},
            {"Indicatoren": ["kwsite:indicators"]},
            "kwsite:progress",
            {"Begroting": ["kwsite:budget"]},
            {"Bijlagen per college": ["kwsite:colleges"]},
            {"Verhalen per college": stories},
            {"Actie- en verbeterlijnen": ["kwsite:lines"]},
            {"Verbeterplannen": ["kwsite:teamplans"]},
            "kwsite:changes",
            "kwsite:opendata",
        ]
        plugins = [{"search": {"lang": "nl"}}]
        if plugin:
            plugins.append({"kwsite": {"data_dir": "data", "cache_dir": ".kwsite-cache", "pdf": False}})
        config = {
            "site_name": "Kwaliteitsagenda Synthetisch ROC",
            "site_url": "https://synth.example.invalid/",
            "docs_dir": "content",
            "site_dir": "site",
            "use_directory_urls": True,
            "strict": True,
            "theme": {
                "name": "material",
                "language": "nl",
                "font": False,
                "features": ["navigation.top", "navigation.indexes", "navigation.prune"],
            },
            "plugins": plugins,
            "markdown_extensions": ["attr_list", "tables", "admonition", "footnotes", {"toc": {"permalink": True}}],
            "validation": {
                "omitted_files": "warn",
                "absolute_links": "warn",
                "unrecognized_links": "warn",
                "anchors": "warn",
            },
            "extra": {"generator": False},
            "nav": nav,
        }
        return yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--colleges", type=int, default=40)
    parser.add_argument("--indicators", type=int, default=30)
    parser.add_argument("--measures", type=int, default=300)
    parser.add_argument("--teamplans", type=int, default=100)
    args = parser.parse_args()
    Corpus(args.colleges, args.indicators, args.measures, args.teamplans).write(args.out)


if __name__ == "__main__":
    main()
