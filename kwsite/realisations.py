"""Realisations kept in their own file, ``data/realisations.csv``, beside those in ``indicators.yaml``.

``kwsite import`` writes this file (:mod:`kwsite.sheetimport`); an editor may also edit it. Keeping
imported figures out of ``indicators.yaml`` leaves that file — comments, order, the editors' own
layout — exactly as written, and gives a pull request a diff of one line per changed value.

Shape: UTF-8, header ``indicator,unit,year,period,breakdown,value,note`` (the fields of
:class:`kwsite.model.Realisation`; ``unit`` a college id, empty for the institution), one row per
realisation, sorted by indicator (natural order: ``2a`` before ``10a``), unit (institution first),
year, period and breakdown, numbers with a point and the decimals as printed (``6.70``). The loader
merges the rows into their indicator's ``realisations`` after those of the YAML, so every rule and
page sees one list; a problem in a merged realisation names this file, line and column.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from decimal import Decimal

from pydantic import ValidationError

from . import model as m
from .hints import did_you_mean
from .loaded import REALISATION_HEADER, Loaded, not_utf8, read_confined
from .problems import Problem

FILE = "realisations.csv"
HEADER = REALISATION_HEADER
MAX_BYTES = 4 * 1024 * 1024
"""Largest realisations file (4 MiB: 40 colleges × 30 indicators × 10 years is ~ 600 KiB)."""


@dataclass(frozen=True)
class Stored:
    """One row of ``realisations.csv``: the indicator id and the realisation."""

    indicator: str
    real: m.Realisation

    @property
    def key(self) -> tuple:
        """What makes a realisation one (as :func:`kwsite.validate.check_realisations` counts):
        indicator, college, year, breakdown."""
        r = self.real
        return (self.indicator, r.unit, r.year, r.breakdown)


def _natural(text: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|\D+", text))


def sort_key(row: Stored) -> tuple:
    r = row.real
    return (_natural(row.indicator), r.unit or "", r.year, r.period or "", r.breakdown or "")


def render(rows: list[Stored]) -> str:
    """The file's text for ``rows``: sorted, ``\\n`` line ends, numbers as their Decimal text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for row in sorted(rows, key=sort_key):
        r = row.real
        writer.writerow(
            [row.indicator, r.unit or "", r.year, r.period or "", r.breakdown or "", value_text(r.value), r.note or ""]
        )
    return out.getvalue()


def read(loaded: Loaded, indicators: list[m.Indicator]) -> tuple[list[m.Indicator], list[Stored]]:
    """Merge ``data/realisations.csv`` (when there is one) into ``indicators``; returns the indicators
    and the rows read. Problems (unknown indicator, a field that does not validate) name the file,
    line and column; the realisation's later problems are redirected there through
    :attr:`Loaded.redirects`."""
    path = loaded.data_dir / FILE
    given = loaded.realisations_text
    if given is None and not path.exists() and not path.is_symlink():
        return indicators, []
    name = loaded.name(FILE)
    raw = given.encode("utf-8") if given is not None else read_confined(loaded, FILE, MAX_BYTES)
    if isinstance(raw, str):
        loaded.problems.append(Problem(name, 0, 0, "", raw))
        return indicators, []
    loaded.digests[FILE] = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        loaded.problems.append(not_utf8(name, raw, exc))
        return indicators, []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != HEADER:
            semi = (
                " (dit bestand heeft puntkomma's, opgeslagen in Excel? Herstel het uit git of zet de komma's terug)"
                if (header and ";" in header[0])
                else ""
            )
            loaded.problems.append(Problem(name, 1, 1, "", f"kopregel moet zijn: {','.join(HEADER)}{semi}"))
            return indicators, []
        found = _rows(loaded, name, reader, {i.id for i in indicators})
    except csv.Error as exc:
        loaded.problems.append(Problem(name, reader.line_num or 1, 1, "", f"onleesbare CSV: {exc}"))
        return indicators, []
    by_id: dict[str, list[tuple[int, Stored]]] = {}
    for line, row in found:
        by_id.setdefault(row.indicator, []).append((line, row))
    out = []
    for i, ind in enumerate(indicators):
        extra = by_id.get(ind.id, [])
        for j, (line, _) in enumerate(extra, start=len(ind.realisations)):
            loaded.redirects[(i, j)] = (name, line)
        out.append(
            ind.model_copy(update={"realisations": [*ind.realisations, *(r.real for _, r in extra)]}) if extra else ind
        )
    return out, [row for _, row in found]


def _rows(loaded: Loaded, name: str, reader, indicators: set[str]) -> list[tuple[int, Stored]]:
    out = []
    for record in reader:
        line = reader.line_num
        if not any(c.strip() for c in record):
            continue
        if len(record) != len(HEADER):
            loaded.problems.append(
                Problem(name, line, 1, "", f"rij heeft {len(record)} cellen, kopregel {len(HEADER)}")
            )
            continue
        cells = dict(zip(HEADER, (c.strip() for c in record)))
        ident = cells.pop("indicator")
        if ident not in indicators:
            if ident not in loaded.invalid_ids:
                loaded.problems.append(
                    Problem(
                        name, line, 1, "indicator", f"onbekende indicator '{ident}'{did_you_mean(ident, indicators)}"
                    )
                )
            continue
        try:
            real = m.Realisation.model_validate({k: v for k, v in cells.items() if v != ""})
        except ValidationError as exc:
            from .messages import pydantic_message as _message

            for err in exc.errors():
                field = str(err["loc"][0]) if err.get("loc") else ""
                col = HEADER.index(field) + 1 if field in HEADER else 1
                loaded.problems.append(Problem(name, line, col, field, _message(err, m.Realisation)))
            continue
        out.append((line, Stored(ident, real)))
    return out


def column(field: str) -> int:
    """The 1-based column of a Realisation field in the file (1 for anything else)."""
    return HEADER.index(field) + 1 if field in HEADER else 1


def value_text(value: Decimal) -> str:
    """A value as the file stores it: the Decimal's own text (``6.70``), never an exponent."""
    return format(value, "f")
