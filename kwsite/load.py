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
import difflib
import hashlib
import io
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import model as m
from .problems import Problem
from .model.base import MAX_MAGNITUDE, PLAIN
from .yamlload import MAX_BYTES, load_yaml, locate

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

MAX_CSV_BYTES = 1024 * 1024
"""Largest table file accepted (1 MiB; the largest shipped table is under 1 KiB)."""
MAX_ROWS = 2000
"""Most rows one table may have."""
MAX_COLUMNS = 100
"""Most columns (label and periods) one table may have."""
MAX_CELL = 200
"""Most characters in one cell."""
MAX_DATA_BYTES = 16 * 1024 * 1024
"""Most bytes all files of one ``data/`` together may have (16 MiB)."""


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
        self.size = 0
        """Bytes read so far (at most :data:`MAX_DATA_BYTES`)."""
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


def _message(err: dict) -> str:
    """A Dutch message for a pydantic error."""
    kind = err.get("type", "")
    key = err["loc"][-1] if err.get("loc") else None
    if kind == "extra_forbidden" and isinstance(key, str) and key.isdigit():
        # YAML reads {value: 45,5} as value: 45 and a key "5"
        return f"onbekende sleutel '{key}': een decimaalkomma? Schrijf getallen met een punt (45.5)"
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


def _dutch_list(text: str) -> str:
    return text.replace(" or ", " of ")


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every link followed, lies inside ``folder`` (also resolved)."""
    return path.resolve().is_relative_to(folder.resolve())


def read_confined(loaded: Loaded, rel: str, limit: int) -> bytes | str:
    """The bytes of ``data_dir/rel``, or a Dutch reason why it is not read: outside ``data/``
    (also through a link), not a regular file, larger than ``limit`` or than what is left of
    :data:`MAX_DATA_BYTES`. A NUL or other control character in ``rel`` is refused too."""
    if any(ord(ch) < 32 for ch in rel):
        return "bestandsnaam bevat een stuurteken"
    path = loaded.data_dir / rel
    if not inside(path, loaded.data_dir):
        return f"bestand '{rel}' ligt buiten data/ (ook een koppeling naar buiten telt)"
    if not path.is_file():
        return f"bestand '{rel}' ontbreekt of is geen gewoon bestand"
    size = path.stat().st_size
    if size > limit:
        return f"bestand is groter dan {limit // 1024} KiB"
    if loaded.size + size > MAX_DATA_BYTES:
        return f"alle gegevens samen zijn groter dan {MAX_DATA_BYTES // (1024 * 1024)} MiB"
    with open(path, "rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        return f"bestand is groter dan {limit // 1024} KiB"
    loaded.size += len(raw)
    return raw


def _read_yaml(loaded: Loaded, key: str) -> object | None:
    file, _, _ = FILES[key]
    path = loaded.data_dir / file
    if not path.exists() and not path.is_symlink():
        if key == "agenda":
            loaded.problems.append(Problem(loaded.name(file), 0, 0, "", "bestand ontbreekt"))
        return None
    raw = read_confined(loaded, file, MAX_BYTES)
    if isinstance(raw, str):
        loaded.problems.append(Problem(loaded.name(file), 0, 0, "", raw))
        loaded.failed.add(key)
        return None
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
    file = loaded.name(FILES[key][0])
    flagged = {p.line for p in loaded.problems if p.file == file}  # YAML-level problems: no cascade
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
                if loaded.where(key, *loc)[1] in flagged:
                    continue
                loaded.add(key, loc, _message(err), raw=True)
    return out if is_list else (out[0] if out else None)


def _number(text: str) -> Decimal:
    if not PLAIN.fullmatch(text.strip()):  # 6.5e0, NaN, 6_5 are numbers to Decimal, not to a reader
        raise InvalidOperation
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
    raw = read_confined(loaded, meta.file, MAX_CSV_BYTES)
    if isinstance(raw, str):
        items = loaded.docs["tables"]["tables"]
        index = next(i for i, item in enumerate(items) if isinstance(item, dict) and item.get("id") == meta.id)
        if raw.startswith("bestand '"):
            raw = f"bestand '{meta.file}' ontbreekt of ligt buiten data/"
        loaded.add("tables", (index, "file"), raw, raw=True)
        return None
    loaded.digests[meta.file] = hashlib.sha256(raw).hexdigest()
    text = _decode_csv(loaded, rel, raw)
    if text is None:
        return None
    first = text.split("\n", 1)[0]
    semicolon = ";" in first and "," not in first.split(";", 1)[0]
    """Excel with Dutch settings writes ``label;2017`` with decimal commas."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if semicolon else ",")
    try:
        return _read_rows(loaded, meta, rel, reader, semicolon)
    except csv.Error:  # a cell over csv's own limit (128 KiB), a NUL byte
        loaded.problems.append(Problem(rel, reader.line_num or 1, 1, "", f"onleesbare CSV: een cel is langer dan {MAX_CELL} tekens of bevat een NUL-teken"))
        return None


def _too_long(loaded: Loaded, rel: str, line: int, record: list[str]) -> bool:
    for col, cell in enumerate(record, start=1):
        if len(cell) > MAX_CELL:
            loaded.problems.append(Problem(rel, line, col, "", f"cel is langer dan {MAX_CELL} tekens"))
            return True
    return False


def _read_rows(loaded: Loaded, meta: m.Table, rel: str, reader, semicolon: bool) -> m.TableData | None:
    header = next(reader, None)
    if not header or header[0].strip() != "label" or len(header) < 2:
        loaded.problems.append(Problem(rel, 1, 1, "", "kopregel moet beginnen met 'label' en minstens één periode"))
        return None
    if len(header) > MAX_COLUMNS:
        loaded.problems.append(Problem(rel, 1, 1, "", f"meer dan {MAX_COLUMNS} kolommen"))
        return None
    if _too_long(loaded, rel, 1, header):
        return None
    periods = tuple(h.strip() for h in header[1:])
    if len(set(periods)) != len(periods):
        loaded.problems.append(Problem(rel, 1, 1, "", "dubbele periode in de kopregel"))
    rows = []
    for record in reader:
        line = reader.line_num
        if not any(c.strip() for c in record):
            continue
        if len(rows) == MAX_ROWS:
            loaded.problems.append(Problem(rel, line, 1, "", f"meer dan {MAX_ROWS} rijen"))
            return None
        if _too_long(loaded, rel, line, record):
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
                loaded.problems.append(Problem(rel, line, col, periods[col - 2], f"geen getal: {cell!r} ({hint})"))
                values.append(None)
        rows.append(m.Row(label=record[0].strip(), values=tuple(values), line=line))
    if not rows:
        if not any(p.file == rel for p in loaded.problems):
            loaded.problems.append(Problem(rel, 1, 1, "", "tabel heeft geen rijen onder de kopregel"))
        return None
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


def _unknown_files(loaded: Loaded) -> None:
    """A YAML file in ``data/`` that kwsite does not read is an error (``measure.yaml`` would
    silently drop every measure), with the nearest known name as a hint."""
    known = sorted(file for file, _, _ in FILES.values())
    try:
        names = sorted(p.name for p in loaded.data_dir.iterdir())
    except OSError:
        return
    for name in names:
        if name in known or not name.lower().endswith((".yaml", ".yml", ".json")):
            continue
        stem = name.rsplit(".", 1)[0].lower()
        guess = difflib.get_close_matches(stem + ".yaml", known, n=1, cutoff=0.6)
        hint = f"; bedoelt u {guess[0]}?" if guess else f" (bekend zijn: {', '.join(known)})"
        loaded.problems.append(Problem(loaded.name(name), 0, 0, "", f"onbekend gegevensbestand, wordt niet gelezen{hint}"))


def _alias_conflicts(loaded: Loaded, agenda: m.Agenda, units: list[m.Unit]) -> None:
    """A name, code or alias may point at one unit only: ``Lelystad`` as an alias of ``poort``
    would publish Lelystad's figures on Poort's page. Also the institution total's labels."""
    owner = {_key(a): ("total", f"agenda.total_name/total_aliases") for a in [agenda.total_name, *agenda.total_aliases]}
    names = [(i, u, [("id", None, u.id), ("name", None, u.name), ("short_name", None, u.short_name),
                     ("code", None, u.code)]) for i, u in enumerate(units)]
    aliases = [(i, u, [("aliases", j, a) for j, a in enumerate(u.aliases)]) for i, u in enumerate(units)]
    for i, unit, fields in names + aliases:  # names first: the alias is the likelier slip
        for field, j, label in fields:
            if not label:
                continue
            key = _key(label)
            first = owner.setdefault(key, (unit.id, f"{field} van '{unit.id}'"))
            if first[0] != unit.id:
                other = "het instellingstotaal" if first[0] == "total" else f"college '{first[0]}'"
                loc = (i, field) if j is None else (i, field, j)
                loaded.add("units", loc, f"'{label}' duidt ook {other} aan ({first[1]}); een naam of alias "
                           "mag maar één eenheid aanduiden")


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
        first: dict[str, int] = {}
        for row in rows:
            if first.setdefault(_key(row.label), row.line) != row.line:
                loaded.problems.append(Problem(data.path, row.line, 1, "label",
                                               f"'{row.label}' staat al op regel {first[_key(row.label)]}"))
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
                Problem(data.path, row.line, 1, "label", f"'{row.label}' is geen bekend college (voeg een alias toe in units.yaml)")
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
    _unknown_files(loaded)
    parts = {key: _build(loaded, key) for key in FILES}
    agenda = parts["agenda"]
    if agenda is None:
        return None, loaded
    _alias_conflicts(loaded, agenda, parts["units"])
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
