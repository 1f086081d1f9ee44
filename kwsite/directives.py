"""Inline directives: a figure in prose comes from the data.

Syntax ``[[ref]]``; the build replaces it with the formatted value, so changing
a YAML value changes every place it is shown. An unknown reference is an error
naming file and line. References:

- ``agenda.period`` → ``2019-2022``; ``agenda.title``; ``agenda.units.count`` → ``12`` (counted)
- ``ind.<id>.name`` | ``.baseline`` (``38%``) | ``.baseline.year`` | ``.target.<year>`` (``6,9``)
- ``budget.<theme>.share`` (``25%``) | ``budget.<theme>.amount`` (``€ 7,0 mln``) |
  ``budget.total.share`` | ``budget.total.amount`` | ``budget.basis`` (``€ 28 mln``) |
  ``budget.national.share`` (the national themes' summed share, ``65%``)
- ``table.<table>.<unit id | total | printed label>.<period>`` → one cell
- ``ratio.<table>.<column label>.<percent | numerator | denominator | norm>`` → one figure of a
  baseline table (``ratio.vsv-per-niveau.Niv.1.percent`` → ``28,4%``), as printed
"""

from __future__ import annotations

import re
from pathlib import Path
from decimal import Decimal

from .model import Site
from .numbers import euro_mln, number, percent, with_unit
from .present import target_text, year_label
from .problems import Problem

PATTERN = re.compile(r"\[\[([^\[\]\n]{1,200})\]\]")
FENCE = re.compile(r"^\s*(```|~~~)")


class UnknownReference(LookupError):
    """A directive names something the data does not have."""


def _agenda(site: Site, parts: list[str]) -> str:
    if parts == ["period"]:
        return f"{site.agenda.period_start}-{site.agenda.period_end}"
    if parts == ["title"]:
        return site.agenda.title
    if parts == ["units", "count"]:
        return str(len(site.units))
    raise UnknownReference


def _indicator(site: Site, parts: list[str]) -> str:
    ind = site.indicator(parts[0]) if parts else None
    if ind is None:
        raise UnknownReference(f"onbekende indicator '{parts[0] if parts else ''}'")
    rest = parts[1:]
    base = ind.baseline
    if rest == ["name"]:
        return ind.name
    if rest == ["baseline"] and base and base.value is not None:
        return with_unit(base.value, ind.unit)
    if rest == ["baseline", "year"] and base and (base.year or base.period):
        return base.period or str(base.year)
    if len(rest) == 2 and rest[0] == "target" and rest[1].isdigit():
        targets = ind.targets_in(int(rest[1]))
        if len(targets) == 1:
            return target_text(ind, targets[0])
        if targets:
            return year_label(ind, int(rest[1]))
    raise UnknownReference


def _budget(site: Site, parts: list[str]) -> str:
    budget = site.budget
    if budget is None:
        raise UnknownReference("geen budget.yaml")
    if parts == ["basis"]:
        return euro_mln(budget.basis_mln)
    if parts == ["national", "share"]:
        national = {t.id for t in site.themes if t.national}
        return percent(sum((a.share_pct for a in budget.allocations if a.theme in national), Decimal(0)))
    if len(parts) != 2 or parts[1] not in ("share", "amount"):
        raise UnknownReference
    if parts[0] == "total":
        row = budget.total
    else:
        row = next((a for a in budget.allocations if a.theme == parts[0]), None)
    value = getattr(row, "share_pct" if parts[1] == "share" else "amount_mln", None)
    if value is None:
        raise UnknownReference
    return percent(value) if parts[1] == "share" else euro_mln(value)


def _table(site: Site, parts: list[str]) -> str:
    if len(parts) < 3 or parts[0] not in site.tables:
        raise UnknownReference(f"onbekende tabel '{parts[0] if parts else ''}'")
    table = site.tables[parts[0]]
    row, period = table.row(".".join(parts[1:-1])), parts[-1]
    if row is None or period not in table.periods:
        raise UnknownReference
    value = table.value(row, period)
    return with_unit(value, table.meta.unit) if value is not None else number(None)


def _ratio(site: Site, parts: list[str]) -> str:
    """``ratio.<table>.<column label>.<percent|numerator|denominator|norm>``; the label may hold dots."""
    table = next((r for r in site.ratios if parts and r.id == parts[0]), None)
    if table is None or len(parts) < 3:
        raise UnknownReference(f"onbekende uitgangstabel '{parts[0] if parts else ''}'")
    label, field = ".".join(parts[1:-1]), parts[-1]
    col = next((c for c in table.columns if c.label == label), None)
    if col is None or field not in ("percent", "numerator", "denominator", "norm"):
        raise UnknownReference
    value = getattr(col, field)
    if value is None:
        raise UnknownReference(f"geen waarde voor {field} bij '{label}'")
    return percent(value) if field in ("percent", "norm") else number(value)


KINDS = {"agenda": _agenda, "ind": _indicator, "budget": _budget, "table": _table}
KINDS["ratio"] = _ratio


def resolve(site: Site, ref: str) -> str:
    """The text for one reference; raises :class:`UnknownReference`."""
    kind, _, rest = ref.strip().partition(".")
    if kind not in KINDS or not rest:
        raise UnknownReference(f"onbekende soort '{kind}'")
    return KINDS[kind](site, rest.split("."))


def expand(text: str, site: Site, file: str, first_line: int = 1) -> tuple[str, list[Problem]]:
    """Replace every ``[[ref]]`` outside fenced code; return (text, problems).

    ``first_line`` is the line of ``text``'s first line in ``file`` (after
    front matter), so problems name the line an editor sees.
    """
    problems: list[Problem] = []
    out, fenced = [], False
    for number_, line in enumerate(text.split("\n"), start=first_line):
        if FENCE.match(line):
            fenced = not fenced
        if fenced or "[[" not in line:
            out.append(line)
            continue

        def sub(match: re.Match, number_=number_) -> str:
            try:
                return resolve(site, match.group(1))
            except UnknownReference as exc:
                why = f" ({exc})" if str(exc) else ""
                problems.append(Problem(file, number_, match.start() + 1, match.group(1), f"onbekende verwijzing{why}"))
                return match.group(0)

        out.append(PATTERN.sub(sub, line))
    return "\n".join(out), problems


def body_offset(raw: str, body: str) -> int:
    """Line number in the source ``raw`` where ``body`` (``raw`` without its front matter,
    as MkDocs gives it) begins; 1 when the body does not end the source."""
    return raw[: len(raw) - len(body)].count("\n") + 1 if body and raw.endswith(body) else 1


def decode_page(raw: bytes, name: str) -> tuple[str, Problem | None]:
    """The text of a Markdown file (UTF-8, BOM allowed), or ``""`` and a problem naming
    the line of the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return "", Problem(name, line, 1, "", f"bestand is geen UTF-8 (byte 0x{raw[exc.start:exc.start + 1].hex()})")


def check_content(site: Site, content_dir: Path, rel: str = "content") -> list[Problem]:
    """Every unknown ``[[ref]]`` in the Markdown files under ``content_dir``."""
    problems: list[Problem] = []
    for path in sorted(content_dir.rglob("*.md")):
        name = f"{rel}/{path.relative_to(content_dir).as_posix()}"
        text, problem = decode_page(path.read_bytes(), name)
        if problem:
            problems.append(problem)
            continue
        problems += expand(text, site, name)[1]
    return problems
