"""Load a site's ``data/`` directory into a :class:`~kwsite.model.Site`.

Files (all optional except ``agenda.yaml``): ``agenda.yaml`` (key ``agenda``),
``units.yaml`` (``units``), ``themes.yaml`` (``themes``), ``indicators.yaml``
(``indicators``), ``tables.yaml`` (``tables``, each naming a CSV under
``data/``), ``budget.yaml`` (``budget``), ``measures.yaml`` (``measures``),
``lines.yaml`` (``lines``: action/improvement lines per unit),
``teamplans.yaml`` (``teamplans``: team improvement plans), ``process.yaml``
(``timelines``), ``activities.yaml`` (``activities``), ``ratios.yaml`` (``ratios``).
Every problem is collected, with file, line and field; nothing stops at the
first one.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import get_args

from pydantic import BaseModel, ValidationError

from . import model as m
from .hints import did_you_mean, number_hint
from .problems import Problem
from .model.base import MAX_MAGNITUDE
from .yamlload import load_yaml, locate

FILES: dict[str, tuple[str, type[BaseModel], bool]] = {
    "agenda": ("agenda.yaml", m.Agenda, False),
    "units": ("units.yaml", m.Unit, True),
    "themes": ("themes.yaml", m.Theme, True),
    "indicators": ("indicators.yaml", m.Indicator, True),
    "tables": ("tables.yaml", m.Table, True),
    "budget": ("budget.yaml", m.Budget, False),
    "measures": ("measures.yaml", m.Measure, True),
    "lines": ("lines.yaml", m.LineSet, True),
    "teamplans": ("teamplans.yaml", m.TeamPlan, True),
    "timelines": ("process.yaml", m.Timeline, True),
    "activities": ("activities.yaml", m.Activity, True),
    "ratios": ("ratios.yaml", m.RatioTable, True),
}
"""Top key → (file name, model, is a list)."""

MISSING = {"", "-", "–"}
"""Cell texts that mean "the source prints no value"."""


class Loaded:
    """Raw documents with marks, kept so validation can point at lines."""

    def __init__(self, data_dir: Path, rel: str):
        self.data_dir = data_dir
        self.rel = rel
        self.docs: dict[str, object] = {}
        self.problems: list[Problem] = []
        self.digests: dict[str, str] = {}
        self.failed: set[str] = set()
        self.positions: dict[str, list[int]] = {}
        """For list files: the index in the file of each record that loaded (records that
        failed validation are skipped, so model index and file index can differ)."""
        self.invalid_ids: set[str] = set()
        """Ids of records that failed validation (already reported; not "unknown" elsewhere)."""
        """Top keys whose file could not be read; references into them are not checked."""

    def name(self, file: str) -> str:
        return f"{self.rel}/{file}" if self.rel else file

    def where(self, key: str, *loc) -> tuple[str, int, int]:
        """File, line, col of ``loc`` inside the document of top key ``key``."""
        file = self.name(FILES[key][0])
        doc = self.docs.get(key)
        if doc is None:
            return file, 0, 0
        line, col = locate(doc, (key, *loc))
        return file, line, col

    def add(self, key: str, loc: tuple, message: str, level: str = "error", path: str | None = None,
            raw: bool = False):
        """Report a problem at ``loc``; a leading int is a model index unless ``raw``."""
        if not raw and loc and isinstance(loc[0], int) and key in self.positions:
            loc = (self.positions[key][loc[0]], *loc[1:])
        file, line, col = self.where(key, *loc)
        self.problems.append(Problem(file, line, col, path if path is not None else _path((key, *loc)), message, level))


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


MESSAGES = {
    "extra_forbidden": "onbekende sleutel (tikfout?)",
    "missing": "verplicht veld ontbreekt",
    "int_parsing": "verwacht een geheel getal",
    "int_type": "verwacht een geheel getal",
    "int_from_float": "verwacht een geheel getal",
    "decimal_parsing": "verwacht een getal",
    "decimal_type": "verwacht een getal",
    "string_type": "verwacht tekst",
    "bool_parsing": "verwacht true of false",
    "bool_type": "verwacht true of false",
    "list_type": "verwacht een lijst",
    "model_type": "verwacht een mapping (sleutel: waarde)",
    "dict_type": "verwacht een mapping (sleutel: waarde)",
    "string_too_short": "mag niet leeg zijn",
    "string_too_long": "tekst is te lang",
    "string_pattern_mismatch": "id mag alleen kleine letters, cijfers, - en _ bevatten",
    "frozen_instance": "ongeldige waarde",
}


def _message(err: dict, model=None) -> str:
    """A Dutch message for a pydantic error (``model``: the validated class, for "bedoelt u …?")."""
    kind = err.get("type", "")
    key = err["loc"][-1] if err.get("loc") else None
    if kind == "extra_forbidden" and isinstance(key, str) and key.isdigit():
        # YAML reads {value: 45,5} as value: 45 and a key "5"
        return f"onbekende sleutel '{key}': een decimaalkomma? Schrijf getallen met een punt (45.5)"
    if kind == "extra_forbidden" and isinstance(key, str) and model is not None:
        return MESSAGES[kind] + did_you_mean(key, _fields_at(model, tuple(err["loc"])))
    if kind in ("decimal_parsing", "decimal_type", "int_parsing", "int_type") and number_hint(err.get("input")):
        return MESSAGES[kind] + number_hint(err.get("input"))  # block style `value: 61,5` reads as text
    if kind in MESSAGES:
        return MESSAGES[kind]
    if kind == "literal_error":
        allowed = err.get("ctx", {}).get("expected", "")
        return f"onbekende waarde; toegestaan: {_dutch_list(allowed)}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limit = next(iter(err.get("ctx", {}).values()), "")
        word = {"greater_than_equal": "minstens", "less_than_equal": "hoogstens", "greater_than": "groter dan", "less_than": "kleiner dan"}[kind]
        return f"moet {word} {limit} zijn"
    return str(err.get("msg", "ongeldige waarde")).removeprefix("Value error, ")


def _fields_at(model, loc: tuple) -> list[str]:
    """The field names of the model that holds the last key of ``loc`` (pydantic error location)."""
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(model, "model_fields", {}).get(part)
        model = _model_in(field.annotation) if field is not None else None
        if model is None:
            return []
    return list(getattr(model, "model_fields", {}))


def _model_in(annotation):
    """The pydantic model inside an annotation (``list[Target]``, ``Baseline | None``), or ``None``."""
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return annotation
    return next((found for arg in get_args(annotation) if (found := _model_in(arg)) is not None), None)


def _dutch_list(text: str) -> str:
    return text.replace(" or ", " of ")


def _read_yaml(loaded: Loaded, key: str) -> object | None:
    file, _, _ = FILES[key]
    path = loaded.data_dir / file
    if not path.exists():
        if key == "agenda":
            loaded.problems.append(Problem(loaded.name(file), 0, 0, "", "bestand ontbreekt"))
        return None
    raw = path.read_bytes()
    loaded.digests[file] = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        loaded.problems.append(_not_utf8(loaded.name(file), raw, exc))
        loaded.failed.add(key)
        return None
    data, problems = load_yaml(text, loaded.name(file))
    loaded.problems.extend(problems)
    if data is None:
        loaded.failed.add(key)
        return None
    if not isinstance(data, dict) or key not in data:
        loaded.problems.append(Problem(loaded.name(file), 1, 1, "", f"verwacht de sleutel '{key}:' bovenaan"))
        loaded.failed.add(key)
        return None
    extra = [k for k in data if k != key]
    for k in extra:
        line, col = data.marks[k]
        loaded.problems.append(Problem(loaded.name(file), line, col, k, "onbekende sleutel (tikfout?)"))
    loaded.docs[key] = data
    return data[key]


def _not_utf8(file: str, raw: bytes, exc: UnicodeDecodeError, level: str = "error", note: str = "") -> Problem:
    """Where the first byte that is not UTF-8 stands, as a problem."""
    line = raw.count(b"\n", 0, exc.start) + 1
    col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
    byte = raw[exc.start:exc.start + 1].hex()
    return Problem(file, line, col, "", f"bestand is geen UTF-8 (byte 0x{byte}){note}", level)


def _build(loaded: Loaded, key: str):
    raw = _read_yaml(loaded, key)
    if raw is None:
        return [] if FILES[key][2] else None
    model, is_list = FILES[key][1], FILES[key][2]
    if is_list and not isinstance(raw, list):
        loaded.add(key, (), "verwacht een lijst", raw=True)
        return []
    items = list(enumerate(raw)) if is_list else [(None, raw)]
    out = []
    loaded.positions[key] = positions = []
    for i, item in items:
        prefix = (i,) if i is not None else ()
        try:
            out.append(model.model_validate(item))
            positions.append(i)
        except ValidationError as exc:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                loaded.invalid_ids.add(item["id"])
            for err in exc.errors():
                loc = prefix + tuple(err["loc"])
                loaded.add(key, loc, _message(err, model), raw=True)
    return out if is_list else (out[0] if out else None)


def _number(text: str) -> Decimal:
    value = Decimal(text.strip())
    if not value.is_finite() or abs(value) >= MAX_MAGNITUDE:
        raise InvalidOperation
    return value


def _cell_number(cell: str, decimal_comma: bool) -> Decimal:
    """A CSV cell as a number. With ``decimal_comma`` (semicolon files) ``6,5`` is
    6.5 and a dot is refused: ``1.234`` could mean 1234 or 1.234."""
    if decimal_comma:
        if "." in cell:
            raise InvalidOperation
        cell = cell.replace(",", ".")
    return _number(cell)


def _decode_csv(loaded: Loaded, rel: str, raw: bytes) -> str | None:
    """UTF-8 (with or without Excel's byte-order mark); else Windows-1252, which
    Excel's plain "CSV" writes, read with a warning; else a problem and ``None``."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            loaded.problems.append(_not_utf8(rel, raw, exc))
            return None
        loaded.problems.append(_not_utf8(rel, raw, exc, "warning", "; gelezen als Windows-1252, sla op als 'CSV UTF-8'"))
        return text


def read_table(loaded: Loaded, meta: m.Table) -> m.TableData | None:
    """Read the CSV of one table: header ``label,<period>...``, dot decimals.

    Also reads what Excel saves: UTF-8 with a byte-order mark, Windows-1252
    (with a warning), and ``;``-separated files with decimal commas.
    """
    rel = loaded.name(meta.file)
    path = (loaded.data_dir / meta.file).resolve()
    if not path.is_relative_to(loaded.data_dir.resolve()) or not path.is_file():
        raw = loaded.docs["tables"]["tables"]
        index = next(i for i, item in enumerate(raw) if isinstance(item, dict) and item.get("id") == meta.id)
        loaded.add("tables", (index, "file"), f"bestand '{meta.file}' ontbreekt of ligt buiten data/", raw=True)
        return None
    raw = path.read_bytes()
    loaded.digests[meta.file] = hashlib.sha256(raw).hexdigest()
    text = _decode_csv(loaded, rel, raw)
    if text is None:
        return None
    first = text.split("\n", 1)[0]
    semicolon = ";" in first and "," not in first.split(";", 1)[0]
    """Excel with Dutch settings writes ``label;2017`` with decimal commas."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if semicolon else ",")
    header = next(reader, None)
    if not header or header[0].strip() != "label" or len(header) < 2:
        loaded.problems.append(Problem(rel, 1, 1, "", "kopregel moet beginnen met 'label' en minstens één periode"))
        return None
    periods = tuple(h.strip() for h in header[1:])
    if len(set(periods)) != len(periods):
        loaded.problems.append(Problem(rel, 1, 1, "", "dubbele periode in de kopregel"))
    rows, bad = [], {}
    for record in reader:
        line = reader.line_num
        if not any(c.strip() for c in record):
            continue
        if len(record) != len(header):
            loaded.problems.append(
                Problem(rel, line, 1, "", f"rij heeft {len(record)} cellen, kopregel {len(header)}")
            )
            continue
        values = []
        for col, cell in enumerate(record[1:], start=2):
            if cell.strip() in MISSING:
                values.append(None)
                continue
            try:
                values.append(_cell_number(cell, semicolon))
            except InvalidOperation:
                hint = "decimaalkomma verwacht; een punt is dubbelzinnig" if semicolon else "gebruik een punt als decimaalteken"
                if cell.strip().endswith("%"):
                    hint = "een %-teken; zet alleen het getal in de cel, de eenheid staat in tables.yaml"
                kind = hint.split(";")[0]
                if kind in bad:  # one line per kind of mistake per file, naming how many cells have it
                    bad[kind][1] += 1
                else:
                    bad[kind] = [Problem(rel, line, col, periods[col - 2], f"geen getal: {cell!r} ({hint})"), 0]
                values.append(None)
        rows.append(m.Row(label=record[0].strip(), values=tuple(values), line=line))
    for problem, more in bad.values():
        extra = f"; zo ook {more} andere cel{'len' if more > 1 else ''} in dit bestand" if more else ""
        loaded.problems.append(dataclasses.replace(problem, message=problem.message + extra))
    return m.TableData(meta=meta, periods=periods, rows=tuple(rows), path=rel)


def alias_map(agenda: m.Agenda, units: list[m.Unit]) -> dict[str, str]:
    """Every label that names a unit (id, name, short name, code, alias) → unit id.

    Labels of the institution total (``agenda.total_name`` and its aliases)
    map to ``"total"``. Matching ignores case and surrounding spaces.
    """
    out = {_key(a): "total" for a in [agenda.total_name, *agenda.total_aliases]}
    for unit in units:
        for label in [unit.id, unit.name, unit.short_name, unit.code, *unit.aliases]:
            if label:
                out.setdefault(_key(label), unit.id)
    return out


def _alias_hint(label: str, aliases: dict[str, str]) -> str:
    """``; bedoelt u 'nrd'? …`` for a misspelt label (fix the label, an alias would keep the typo), else how
    to add another spelling of an existing college."""
    close = did_you_mean(_key(label), aliases)
    if close:
        return f"{close} Verbeter dan het label in dit bestand"
    return " (is het een andere schrijfwijze van een bestaand college, zet die dan bij aliases in units.yaml)"


def _key(label: str) -> str:
    return " ".join(label.casefold().split())


def resolve_rows(loaded: Loaded, data: m.TableData, aliases: dict[str, str]) -> m.TableData:
    """Set ``row.unit`` for each row of a ``unit`` table; unknown labels are problems.

    In every kind of table the row labelled ``meta.total`` (the institution's
    own series, "ROC" in a ROC-vs-landelijk table) gets ``unit == "total"``.
    """
    if data.meta.rows != "unit":
        total = _key(data.meta.total) if data.meta.total else None
        rows = tuple(
            m.Row(label=r.label, values=r.values, line=r.line, unit="total" if _key(r.label) == total else None)
            for r in data.rows
        )
        if total and not any(r.unit for r in rows):
            loaded.problems.append(Problem(data.path, 1, 1, "total", f"geen rij met label '{data.meta.total}'"))
        return m.TableData(meta=data.meta, periods=data.periods, rows=rows, path=data.path)
    extra = {_key(x) for x in data.meta.extra_rows}
    if data.meta.total:
        extra.discard(_key(data.meta.total))
    rows = []
    for row in data.rows:
        unit = aliases.get(_key(row.label))
        if data.meta.total and _key(row.label) == _key(data.meta.total):
            unit = "total"
        if unit is None and _key(row.label) not in extra and "units" not in loaded.failed:
            loaded.problems.append(
                Problem(data.path, row.line, 1, "label", f"'{row.label}' is geen bekend college{_alias_hint(row.label, aliases)}")
            )
        rows.append(m.Row(label=row.label, values=row.values, line=row.line, unit=unit))
    seen: dict[str, int] = {}
    for row in rows:
        if row.unit and row.unit in seen:
            loaded.problems.append(
                Problem(data.path, row.line, 1, "label", f"'{row.label}' staat al op regel {seen[row.unit]}")
            )
        elif row.unit:
            seen[row.unit] = row.line
    return m.TableData(meta=data.meta, periods=data.periods, rows=tuple(rows), path=data.path)


def load(data_dir: Path | str, rel: str = "data") -> tuple[m.Site | None, Loaded]:
    """Load every data file under ``data_dir``.

    Returns the :class:`~kwsite.model.Site` (``None`` when ``agenda.yaml`` is
    unusable) and the :class:`Loaded` record with raw documents and problems.
    Does not raise; see :func:`kwsite.validate.validate` for cross-file rules.
    """
    loaded = Loaded(Path(data_dir), rel)
    parts = {key: _build(loaded, key) for key in FILES}
    agenda = parts["agenda"]
    if agenda is None:
        return None, loaded
    aliases = alias_map(agenda, parts["units"])
    tables = {}
    for meta in parts["tables"]:
        data = read_table(loaded, meta)
        if data is not None:
            tables[meta.id] = resolve_rows(loaded, data, aliases)
    site = m.Site(
        agenda=agenda,
        units=tuple(parts["units"]),
        themes=tuple(parts["themes"]),
        indicators=tuple(parts["indicators"]),
        tables=tables,
        budget=parts["budget"],
        measures=tuple(parts["measures"]),
        root=str(data_dir),
        sources=dict(sorted(loaded.digests.items())),
        line_sets=tuple(parts["lines"]),
        teamplans=tuple(parts["teamplans"]),
        timelines=tuple(parts["timelines"]),
        activities=tuple(parts["activities"]),
        ratios=tuple(parts["ratios"]),
    )
    return site, loaded
