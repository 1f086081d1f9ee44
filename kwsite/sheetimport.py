"""``kwsite import FILE.xlsx|FILE.csv``: realisations from a long table into ``data/realisations.csv``;
``kwsite export`` (:mod:`kwsite.sheetexport`): every realisation back out as the same table.

One row per realisation: indicator (id or name), college (id, code, name or alias; the institution
by its ``total_name``; without a college column every row is the institution's), year or period
(a school year ``2020-2021`` is stored as period ``2020-2021`` with its end year, 2021), value,
optional breakdown and note. Cells are read by :mod:`kwsite.sheetread`.

Every row is checked, and then the site *with* the new realisations is loaded and validated with
the rules of ``data/`` (:func:`kwsite.load.load` with the new file's text, then every rule of
:mod:`kwsite.validate`): scale, percentages 0-100, known
college ("bedoelt u …?"), year after the period or before the baseline, a fraction where a
percentage belongs, a breakdown the targets do not name. Problems in imported rows name the cell,
``bestand.xlsx:Blad1!C7 waarde: …``. With any error nothing is written. Otherwise the rows replace
those with the same indicator, college, year, period and breakdown in ``realisations.csv`` (rows
of other keys stay), written sorted (:func:`kwsite.realisations.render`), so importing the same file
twice changes nothing. A realisation that ``indicators.yaml`` already has is left there: the same
value is skipped, another value is an error (change it in the YAML).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pydantic import ValidationError

from . import model as m
from .hints import did_you_mean
from .load import load
from .unitnames import _key, alias_map
from .numbers import number
from .problems import Problem, errors
from .realisations import FILE, HEADER, Stored, render
from .sheetread import FIELD_WORDS, Cell, SheetError, Table, read
from .validate import validate

MISSING = {"-", "–", "n.b.", "nb", "geen gegevens", "x"}
"""Value texts that mean "no value": the row is skipped."""
PERIOD = re.compile(r"(\d{4})\s*[-/–]\s*(\d{2}|\d{4})")
FRACTION_FACTOR = 10  # = kwsite.plausible.FRACTION_FACTOR
"""An imported percentage below 1 this many times smaller than its indicator's reference is taken as a fraction."""
FIELD_OF_COLUMN = {name: name for name in HEADER} | {"unit": "college"}
"""``realisations.csv`` column → the importer's field."""


@dataclass
class Outcome:
    """What an import found and did: ``problems`` (errors and warnings), ``added``/``changed``
    (count of realisations), ``written`` whether ``realisations.csv`` was written."""

    problems: list[Problem] = field(default_factory=list)
    added: int = 0
    changed: int = 0
    same: int = 0
    written: bool = False

    @property
    def errors(self) -> list[Problem]:
        return errors(self.problems)

    def ordered(self) -> list[Problem]:
        """Errors before warnings; cells by row, then column (``D2`` before ``C4``)."""
        return sorted(self.problems, key=_order)


CELL = re.compile(r"^(.*)!([A-Z]+)(\d+)$")


def _order(p: Problem) -> tuple:
    match = CELL.match(p.file)
    where = (
        (match.group(1), int(match.group(3)), len(match.group(2)), match.group(2)) if match else (p.file, p.line, 0, "")
    )
    return (p.level != "error", match is None, where, p.col, p.path, p.message)


class _Sheet:
    """Problems at cells of one sheet: ``name:Blad1!C7 waarde: …``."""

    def __init__(self, name: str, table: Table, out: Outcome):
        self.name, self.table, self.out = name, table, out
        self.labels: list[str] = []
        """Every way of naming a college, for "bedoelt u …?"."""

    def add(self, ref: str, word: str, message: str, level: str = "error") -> None:
        """A problem at cell ``ref`` (``C7``) or range (``C1:D1``, ``2:2``); in a CSV as ``r.csv:7:3``."""
        cell = re.fullmatch(r"([A-Z]+)(\d+)", ref)
        if self.table.sheet is None and cell:
            from openpyxl.utils import column_index_from_string

            where = (self.name, int(cell.group(2)), column_index_from_string(cell.group(1)))
        elif self.table.sheet is None:
            where = (self.name, int(ref.split(":")[0]) if ref.split(":")[0].isdigit() else 0, 0)
        else:
            where = (f"{self.name}:{self.table.sheet}!{ref}", 0, 0)
        self.out.problems.append(Problem(*where, word, message, level))


def import_file(
    site_dir: Path, path: Path, sheet: str | None = None, name: str | None = None, data_rel: str = "data"
) -> Outcome:
    """Import ``path`` into ``site_dir/<data_rel>/realisations.csv`` (see the module); never raises for
    bad input: everything is in :attr:`Outcome.problems`. ``name``: the file as messages name it."""
    out = Outcome()
    name = name or str(path)
    data_dir = site_dir / data_rel
    site, loaded = load(data_dir, data_rel)
    if site is not None:
        validate(site, loaded)
    if site is None or errors(loaded.problems):
        out.problems = [
            Problem(p.file, p.line, p.col, p.path, "(al in data/, los eerst op) " + p.message, p.level)
            for p in errors(loaded.problems) or loaded.problems
        ]
        return out
    try:
        table = read(path, sheet)
    except SheetError as exc:
        out.problems.append(Problem(name, 0, 0, "", str(exc)))
        return out
    at = _Sheet(name, table, out)
    at.labels = _labels(site)
    for ref, word, message in table.problems:
        at.add(ref, word, message)
    for ref, word, message in table.warnings:
        at.add(ref, word, message, "warning")
    if not table.rows:
        at.add(f"{table.header_row}:{table.header_row}", "", "geen rijen onder de kopregel")
    rows = _rows(site, table, at)
    _fractions(site, rows, table, at)
    current = loaded.realisation_rows
    merged, origin = _merge(site, current, rows, at)
    text = render(merged)
    _check(data_dir, data_rel, text, origin, table, at)
    if out.errors:
        return out
    target = data_dir / FILE
    old = target.read_text("utf-8") if target.is_file() else None
    if old != text and (old is not None or merged):
        temp = target.with_name(f".{FILE}.tmp")
        try:
            temp.unlink(missing_ok=True)  # a link left there would be written through, outside the site
            with open(temp, "x", encoding="utf-8", newline="") as handle:
                handle.write(text)
            os.replace(temp, target)
        except OSError as exc:
            temp.unlink(missing_ok=True)
            out.problems.append(
                Problem(
                    f"{data_rel}/{FILE}", 0, 0, "", f"schrijven lukt niet ({type(exc).__name__}); er is niets veranderd"
                )
            )
            return out
        out.written = True
    return out


def _rows(site: m.Site, table: Table, at: _Sheet) -> list[tuple[int, Stored]]:
    aliases = alias_map(site.agenda, site.units)
    by_name, shared = {_key(ind.id): ind for ind in site.indicators}, {}
    for ind in site.indicators:
        for label in (ind.name, ind.short_name):
            if label and _key(label) not in by_name:  # an id goes first
                shared.setdefault(_key(label), {})[ind.id] = ind
    by_name |= {key: next(iter(inds.values())) if len(inds) == 1 else tuple(inds) for key, inds in shared.items()}
    has_college = "college" in table.columns.values()
    if not any(f in table.columns.values() for f in ("year", "period")):
        at.add(f"{table.header_row}:{table.header_row}", "kop", "geen kolom 'jaar' of 'periode'")
        return []
    out, seen, skipped = [], {}, []
    for row, cells in table.rows:
        ind = _indicator(cells.get("indicator"), by_name, row, table, at)
        unit = _college(cells.get("college"), aliases, has_college, row, table, at)
        when = _when(cells, row, table, at)
        value = _value(cells.get("value"), ind, row, table, at, skipped)
        if ind is None or unit is False or when is None or value is None:
            continue
        data = {"year": when[0], "value": value, "unit": unit, "period": when[1]}
        for part in ("breakdown", "note"):
            if part in cells:
                data[part] = str(cells[part].value)
        try:
            real = m.Realisation.model_validate({k: v for k, v in data.items() if v is not None})
        except ValidationError as exc:
            from .load import _message

            for err in exc.errors():
                part = str(err["loc"][0]) if err.get("loc") else "value"
                cell = cells.get(FIELD_OF_COLUMN.get(part, part)) or cells["value"]
                at.add(cell.ref, FIELD_WORDS.get(FIELD_OF_COLUMN.get(part, part), part), _message(err, m.Realisation))
            continue
        stored = Stored(ind.id, real)
        if stored.key in seen:
            at.add(
                cells["value"].ref,
                "waarde",
                f"dubbele rij: dezelfde indicator, college, jaar en uitsplitsing als rij {seen[stored.key]}",
            )
            continue
        seen[stored.key] = row
        out.append((row, stored))
    if skipped:
        more = f" en {len(skipped) - 1} andere rij(en)" if len(skipped) > 1 else ""
        at.add(skipped[0], "waarde", f"geen waarde; rij overgeslagen{more}", "warning")
    return out


def _fractions(site: m.Site, rows: list[tuple[int, Stored]], table: Table, at: _Sheet) -> None:
    """A percentage indicator without a reference value (no baseline, no target value) whose imported
    values are all between 0 and 1: fractions (0.776) where percentages (77.6) belong. With a reference,
    :func:`kwsite.plausible.check_magnitudes` weighs each value against it, and here a value below 1 that
    is :data:`FRACTION_FACTOR` or more times smaller than a reference of 10 or more is refused too (0.776
    beside a baseline of 38 is 49 times smaller, under validate's factor 50; 0.5 beside an early-leaver
    baseline of 6.5 is not refused; a real value below 1% goes in ``indicators.yaml``)."""
    from .plausible import off_by_far, reference

    for ind in site.indicators:
        mine = [(row, s.real.value) for row, s in rows if s.indicator == ind.id]
        ref = reference(ind) if ind.unit == "percent" else None
        if ind.unit == "percent" and ref is None and mine and all(0 < v < 1 for _, v in mine):
            at.add(
                f"{_col(table, 'value')}{mine[0][0]}",
                "waarde",
                f"alle waarden van indicator {ind.id} liggen tussen 0 en 1 ({number(mine[0][1])}): een breuk "
                "waar een percentage hoort? Geef de cellen de opmaak Percentage of typ 77,6 voor 77,6%",
            )
        for row, value in mine if ref is not None else ():
            if 0 < value < 1 and ref >= 10 and value * FRACTION_FACTOR <= ref and off_by_far(value, ref) is None:
                at.add(
                    f"{_col(table, 'value')}{row}",
                    "waarde",
                    f"{number(value)} is meer dan {FRACTION_FACTOR} keer kleiner dan {number(ref)} (referentie van "
                    f"indicator {ind.id}): een breuk waar een percentage hoort? Typ 77,6 voor 77,6% of geef de cel "
                    "de opmaak Percentage; een echte waarde onder 1% zet u in indicators.yaml, met een note die zegt waarom",
                )


def _indicator(cell: Cell | None, by_name: dict, row: int, table: Table, at: _Sheet):
    if cell is None:
        at.add(f"{_col(table, 'indicator')}{row}", "indicator", "indicator ontbreekt")
        return None
    ind = by_name.get(_key(str(cell.value)))
    if isinstance(ind, tuple):  # a name two indicators share: the first one took the other's figures
        at.add(cell.ref, "indicator", f"'{cell.value}' is de naam van {' en '.join(ind)}; gebruik het id")
        return None
    if ind is None:
        at.add(cell.ref, "indicator", f"onbekende indicator '{cell.value}'{did_you_mean(str(cell.value), by_name)}")
    return ind


def _labels(site: m.Site) -> list[str]:
    """Every way of naming a college or the institution, as written (for "bedoelt u …?")."""
    out = [site.agenda.total_name, *site.agenda.total_aliases]
    for u in site.units:
        out += [u.id, u.name, u.short_name, u.code, *u.aliases]
    return [x for x in out if x]


def _college(cell: Cell | None, aliases: dict, has_college: bool, row: int, table: Table, at: _Sheet):
    """The unit id, ``None`` for the institution, ``False`` when unknown (reported)."""
    if not has_college:
        return None
    if cell is None:
        col = next(c for c, f in table.columns.items() if f == "college")
        at.add(f"{col}{row}", "college", "college ontbreekt (voor de hele instelling: de naam van het totaal)")
        return False
    unit = aliases.get(_key(str(cell.value)))
    if unit is None:
        at.add(cell.ref, "college", f"'{cell.value}' is geen bekend college{did_you_mean(str(cell.value), at.labels)}")
        return False
    return None if unit == "total" else unit


def _when(cells: dict, row: int, table: Table, at: _Sheet) -> tuple[int, str | None] | None:
    """(year, period as written or ``None``)."""
    year_cell, period_cell = cells.get("year"), cells.get("period")
    year = period = None
    for cell in (c for c in (year_cell, period_cell) if c is not None):
        text = str(cell.value).strip()
        if isinstance(cell.value, float) and cell.value.is_integer():
            text = str(int(cell.value))
        if re.fullmatch(r"\d{4}", text):
            if year is not None and year != int(text):
                at.add(cell.ref, FIELD_WORDS["period"], f"{text} en de kolom jaar ({year}) spreken elkaar tegen")
                return None
            year = int(text)
            continue
        match = PERIOD.fullmatch(text)
        if match:
            end = match.group(2)
            end_year = int(end) if len(end) == 4 else int(match.group(1)[:2] + end)
            if end_year != int(match.group(1)) + 1:
                at.add(cell.ref, FIELD_WORDS["period"], f"'{text}' is geen schooljaar (zoals 2020-2021)")
                return None
            period = f"{match.group(1)}-{end_year}"
            if year is not None and year != end_year:  # a year column beside a period column
                at.add(
                    cell.ref,
                    FIELD_WORDS["period"],
                    f"schooljaar {period} telt als {end_year}, de kolom jaar zegt "
                    f"{year}; maak ze gelijk of laat er één leeg",
                )
                return None
            year = end_year
            continue
        if isinstance(cell.value, (date, datetime)):  # a date cell, perhaps formatted to show only its year
            at.add(
                cell.ref,
                "jaar",
                f"een datum ({cell.value:%d-%m-%Y}) is geen jaar; typ het jaar ({cell.value.year}) als getal of tekst",
            )
            return None
        at.add(cell.ref, "jaar", f"'{text}' is geen jaar (2021) of schooljaar (2020-2021)")
        return None
    if year is None:
        col = next(c for c, f in table.columns.items() if f in ("year", "period"))
        at.add(f"{col}{row}", "jaar", "jaar ontbreekt")
        return None
    return year, period


def _value(cell: Cell | None, ind, row: int, table: Table, at: _Sheet, skipped: list) -> Decimal | None:
    if cell is None:
        col = next(c for c, f in table.columns.items() if f == "value")
        skipped.append(f"{col}{row}")
        return None
    if cell.value is None:  # a formula without a saved result, reported by the reader
        return None
    if cell.number is not None:
        if ind is None:
            return None
        if cell.percent and ind.unit != "percent":
            at.add(
                cell.ref,
                "waarde",
                f"celopmaak is een percentage, indicator {ind.id} is geen percentage; geef de cel de opmaak Getal",
            )
            return None
        if cell.rounded:
            at.add(
                cell.ref,
                "waarde",
                f"de cel bevat meer decimalen dan ze toont; ingelezen zoals getoond: {number(cell.number)}",
                "warning",
            )
        return cell.number
    text = str(cell.value).strip()
    if isinstance(cell.value, bool) or not isinstance(cell.value, str):
        at.add(cell.ref, "waarde", f"geen getal: {text}")
        return None
    if text.casefold() in MISSING:
        skipped.append(cell.ref)
        return None
    if ind is None:
        return None
    plain = text.removesuffix("%").strip() if ind.unit == "percent" else text
    if re.fullmatch(r"-?\d+,\d+", plain):
        plain = plain.replace(",", ".")  # a decimal comma in a text cell
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", plain) or "," in plain:
        at.add(
            cell.ref,
            "waarde",
            f"'{text}': schrijf het getal zonder duizendtalscheiding, met één decimaalkomma (1234,5)",
        )
        return None
    try:
        if not re.fullmatch(r"-?\d+(\.\d+)?", plain):
            raise InvalidOperation
        value = Decimal(plain)
    except InvalidOperation:
        hint = "; zet alleen het getal in de cel" if text.endswith("%") else ""
        at.add(cell.ref, "waarde", f"geen getal: '{text}'{hint}")
        return None
    if ind.unit == "count" and value != value.to_integral():
        at.add(cell.ref, "waarde", f"een aantal is een heel getal: '{text}' (duizendtallen zonder scheidingsteken)")
        return None
    return value


def _merge(site: m.Site, current: list[Stored], rows: list[tuple[int, Stored]], at: _Sheet):
    """The rows of ``realisations.csv`` after the import, and for each imported row its sheet row."""
    yaml = {}
    for ind in site.indicators:
        for real in ind.realisations:
            yaml.setdefault(Stored(ind.id, real).key, real)
    stored_keys = {s.key: s for s in current}
    for s in current:
        yaml.pop(s.key, None)  # those came from realisations.csv
    merged = {s.key: s for s in current}
    origin: dict[tuple, int] = {}
    for row, new in rows:
        in_yaml = yaml.get(new.key)
        if in_yaml is not None:
            if in_yaml.value != new.real.value:
                at.add(
                    f"{_col(at.table, 'value')}{row}",
                    "waarde",
                    f"indicators.yaml heeft hier al {number(in_yaml.value)}; pas de waarde daar aan of haal ze daar weg",
                )
            else:
                at.out.same += 1
            continue
        old = stored_keys.get(new.key)
        if old is None:
            at.out.added += 1
        elif old.real != new.real or str(old.real.value) != str(new.real.value):
            at.out.changed += 1
        else:
            at.out.same += 1
        merged[new.key] = new
        origin[new.key] = row
    _stale(site, current, rows, at)
    return list(merged.values()), origin


def _stale(site: m.Site, current: list[Stored], rows: list[tuple[int, Stored]], at: _Sheet) -> None:
    """Warn of rows of ``realisations.csv`` for an indicator and year this file imports that the file does not
    have: a college corrected in the sheet (Zuid → Zuidoost) leaves the old row standing, and it is published."""
    keys = {new.key for _, new in rows}
    years = {(new.indicator, new.real.year) for _, new in rows}
    names = {u.id: u.name for u in site.units}
    left = [s for s in current if s.key not in keys and (s.indicator, s.real.year) in years]
    if left:
        shown = "; ".join(
            f"{s.indicator} {s.real.year} {names.get(s.real.unit, site.agenda.total_name)}"
            f"{' ' + s.real.breakdown if s.real.breakdown else ''}: {number(s.real.value)}"
            for s in left[:5]
        )
        more = f" en {len(left) - 5} andere" if len(left) > 5 else ""
        at.out.problems.append(
            Problem(
                at.name,
                0,
                0,
                "",
                f"{FILE} houdt {len(left)} realisatie(s) van dezelfde "
                f"indicator en hetzelfde jaar die niet in dit bestand staan ({shown}{more}); ze "
                f"blijven staan: haal ze daar weg als ze niet kloppen",
                "warning",
            )
        )


def _col(table: Table, field_name: str) -> str:
    return next((c for c, f in table.columns.items() if f == field_name), "A")


def _check(data_dir: Path, data_rel: str, text: str, origin: dict, table: Table, at: _Sheet) -> None:
    """Load and validate the site with ``text`` as ``realisations.csv``; a problem in an imported row is
    put at its cell, any other problem as the loader names it."""
    site, loaded = load(data_dir, data_rel, realisations=text)
    if site is not None:
        validate(site, loaded)
    lines = _lines(text, origin)
    present = set(table.columns.values())
    for p in loaded.problems:
        row = lines.get(p.line) if p.file == f"{data_rel}/{FILE}" else None
        if row is None:
            if p.level == "error":  # a warning elsewhere in data/ is validate's to report, not the import's
                at.out.problems.append(p)
            continue
        part = FIELD_OF_COLUMN.get(p.path, "value")
        if part == "year" and "year" not in present:
            part = "period"
        if part not in present:
            part = "value"
        ref = f"{_col(table, part)}{row}"
        if p.level == "error" and any(q.file.endswith(f"!{ref}") and q.level == "error" for q in at.out.problems):
            continue  # the import said it already, in its own words (a fraction: :func:`_fractions`)
        at.add(ref, FIELD_WORDS[part], p.message, p.level)


def _lines(text: str, origin: dict) -> dict[int, int]:
    """Line of ``realisations.csv`` → sheet row, for the imported rows."""
    import csv
    import io

    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader, None)
    out = {}
    for record in reader:
        cells = dict(zip(HEADER, record))
        key = (cells["indicator"], cells["unit"] or None, int(cells["year"]), cells["breakdown"] or None)
        if key in origin:
            out[reader.line_num] = origin[key]
    return out
