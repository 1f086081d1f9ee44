"""CSV tables under ``data/``: header ``label,<period>...``, dot decimals, and what Excel
saves (UTF-8 with a byte-order mark, Windows-1252 with a warning, ``;`` with decimal commas);
limited in bytes, rows, columns and cell length."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import hashlib
import io
from decimal import Decimal, InvalidOperation

from . import model as m
from .model.base import MAX_MAGNITUDE, PLAIN
from .problems import Problem
from .loaded import Loaded, not_utf8, read_confined

MISSING = {"", "-", "–"}
"""Cell texts that mean "the source prints no value"."""

MAX_CSV_BYTES = 1024 * 1024
"""Largest table file accepted (1 MiB; the largest shipped table is under 1 KiB)."""
MAX_ROWS = 2000
"""Most rows one table may have."""
MAX_COLUMNS = 100
"""Most columns (label and periods) one table may have."""
MAX_CELL = 200
CSV_FIELD_LIMIT = 128 * 1024
"""csv's own default cell limit, set for each read so the messages do not depend on the process."""
"""Most characters in one cell."""


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
            text = raw.removeprefix(codecs.BOM_UTF8).decode("cp1252")  # the mark is not part of the header
        except UnicodeDecodeError:
            loaded.problems.append(not_utf8(rel, raw, exc))
            return None
        loaded.problems.append(not_utf8(rel, raw, exc, "warning", "; gelezen als Windows-1252, sla op als 'CSV UTF-8'"))
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
    limit = csv.field_size_limit(CSV_FIELD_LIMIT)  # process-wide; another library (frictionless) may have raised it
    try:
        return _read_rows(loaded, meta, rel, reader, semicolon)
    except csv.Error:  # a cell over csv's own limit (128 KiB), a NUL byte
        loaded.problems.append(
            Problem(
                rel,
                reader.line_num or 1,
                1,
                "",
                f"onleesbare CSV: een cel is langer dan {MAX_CELL} tekens of bevat een NUL-teken",
            )
        )
        return None
    finally:
        csv.field_size_limit(limit)


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
    rows, bad = [], {}
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
            loaded.problems.append(Problem(rel, line, 1, "", f"rij heeft {len(record)} cellen, kopregel {len(header)}"))
            continue
        values = []
        for col, cell in enumerate(record[1:], start=2):
            if cell.strip() in MISSING:
                values.append(None)
                continue
            try:
                values.append(_cell_number(cell, semicolon))
            except InvalidOperation:
                hint = (
                    "decimaalkomma verwacht; een punt is dubbelzinnig"
                    if semicolon
                    else "gebruik een punt als decimaalteken"
                )
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
    if not rows:
        if not any(p.file == rel for p in loaded.problems):
            loaded.problems.append(Problem(rel, 1, 1, "", "tabel heeft geen rijen onder de kopregel"))
        return None
    return m.TableData(meta=meta, periods=periods, rows=tuple(rows), path=rel)
