"""Inline directives: a figure in prose comes from the data.

Syntax ``[[ref]]``; the build replaces it with the formatted value, so changing
a YAML value changes every place it is shown. An unknown reference is an error
naming file and line. References:

- ``agenda.period`` → ``2019-2022``; ``agenda.title``; ``agenda.units.count`` → ``12`` (counted)
- ``ind.<id>.name`` | ``.baseline`` (``38%``) | ``.baseline.year`` | ``.target.<year>`` (``6,9``)
- ``ind.<id>.realisation.<year>`` (``41%``) | ``ind.<id>.realisation.<year>.<college>`` (college by id,
  code, name or alias, as in the tables) | ``ind.<id>.status.<year>[.<college>]`` → the status word of
  :func:`kwsite.status.status_for` (``op koers``; ``geen gegevens`` when that year has no realisation).
  A realisation the data do not have, a year outside the agenda's period or an indicator whose targets
  are split per breakdown is an unknown reference.
- ``budget.<theme>.share`` (``25%``) | ``budget.<theme>.amount`` (``€ 7,0 mln``) |
  ``budget.total.share`` | ``budget.total.amount`` | ``budget.basis`` (``€ 28 mln``) |
  ``budget.national.share`` (the national themes' summed share, ``65%``)
- ``table.<table>.<unit id | total | printed label>.<period>`` → one cell
- ``ratio.<table>.<column label>.<percent | numerator | denominator | norm>`` → one figure of a
  baseline table (``ratio.vsv-per-niveau.Niv.1.percent`` → ``28,4%``), as printed
- ``measure.<id>.progress`` → ``loopt (maart 2025)``: the current state of a measure or line with its date
- ``progress.summary`` → the compact progress summary, a block for a line of its own on the home page
"""

from __future__ import annotations

import re
from pathlib import Path
from decimal import Decimal

from .mdtables import row_problems
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
    if len(rest) >= 2 and rest[0] in ("realisation", "status") and re.fullmatch(r"[0-9]{4}", rest[1]):
        if len(rest) > 2 and not ".".join(rest[2:]).strip():  # `….2021.`: the institution's value for a college's
            raise UnknownReference("college ontbreekt na de punt")
        return _progress(site, ind, rest[0], int(rest[1]), ".".join(rest[2:]))
    if len(rest) == 2 and rest[0] == "target" and re.fullmatch(r"[0-9]{4}", rest[1]):
        targets = ind.targets_in(int(rest[1]))
        if len(targets) == 1:
            return target_text(ind, targets[0])
        if targets:
            return year_label(ind, int(rest[1]))
    raise UnknownReference


def _progress(site: Site, ind, kind: str, year: int, college: str) -> str:
    """``realisation``: the value of ``year`` for ``college`` (``""``: the institution) in the indicator's
    unit; ``status``: the status engine's word for it."""
    from .unitnames import _key, alias_map
    from .status import breakdowns, realisation, status_for

    unit = None
    if college:
        unit = alias_map(site.agenda, site.units).get(_key(college))
        if unit is None:
            raise UnknownReference(f"onbekend college '{college}'")
        unit = None if unit == "total" else unit
    if breakdowns(ind) != [None]:
        raise UnknownReference(
            f"de streefwaarden van {ind.id} zijn uitgesplitst; deze verwijzing kent geen uitsplitsing"
        )
    if kind == "status":
        if year not in site.agenda.years:
            raise UnknownReference(f"jaar {year} ligt buiten de looptijd")
        return status_for(ind, year, unit).status.word
    found = realisation(ind, year, unit)
    if found is None:
        who = f" voor '{college}'" if college else ""
        raise UnknownReference(f"geen realisatie {year}{who}")
    return with_unit(found.value, ind.unit)


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


def _measure(site: Site, parts: list[str]) -> str:
    """``measure.<id>.progress`` → the current state with its date, ``loopt (maart 2025)``; the id of a
    measure or of an action/improvement line."""
    from .model.execution import latest

    record = next((m for m in site.measures if parts and m.id == parts[0]), None) or (
        site.line(parts[0]) if parts else None
    )
    if record is None:
        raise UnknownReference(f"onbekende maatregel '{parts[0] if parts else ''}'")
    if parts[1:] != ["progress"]:
        raise UnknownReference
    now = latest(record.progress)
    if now is None:
        raise UnknownReference(f"geen voortgang (progress) bij '{parts[0]}'")
    return f"{now.state} ({now.date})"


def _summary(site: Site, parts: list[str]) -> str:
    """``progress.summary`` → the compact progress summary (a block: put it on a line of its own of the
    home page, ``index.md``; its link is relative to the top of the site)."""
    if parts != ["summary"]:
        raise UnknownReference
    from .progressview import home_summary

    return home_summary(site).strip()


KINDS = {"agenda": _agenda, "ind": _indicator, "budget": _budget, "table": _table}
KINDS["ratio"] = _ratio
KINDS["measure"] = _measure
KINDS["progress"] = _summary


def resolve(site: Site, ref: str) -> str:
    """The text for one reference; raises :class:`UnknownReference`."""
    kind, _, rest = ref.strip().partition(".")
    if kind not in KINDS or not rest:
        raise UnknownReference(f"onbekende soort '{kind}'")
    return KINDS[kind](site, rest.split("."))


MAX_REF = 200
"""Longest reference accepted between ``[[`` and ``]]``."""
CODE = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
"""An inline code span on one line; what stands in it is shown as written."""


def scan(line: str) -> list[tuple[int, int, str | None, str | None]]:
    """Every ``[[`` of one line outside inline code: (start, end, reference, problem). Exactly one of
    reference and problem is set: an unclosed ``[[``, one with a ``[`` inside, an empty one or one
    longer than :data:`MAX_REF` is a problem, so nothing is published as typed."""
    code = [m.span() for m in CODE.finditer(line)]
    out, at = [], 0
    while (start := line.find("[[", at)) >= 0:
        inside = next((span for span in code if span[0] <= start < span[1]), None)
        if inside:
            at = inside[1]
            continue
        close = line.find("]]", start + 2)
        body = line[start + 2 : close] if close >= 0 else ""
        if close < 0:
            out.append((start, len(line), None, "[[ zonder ]] op dezelfde regel (een verwijzing past op één regel)"))
            break
        at = close + 2
        if "[" in body:
            out.append((start, at, None, "[[ binnen een verwijzing; sluit elke [[ met ]]"))
        elif not body.strip():
            out.append((start, at, None, "lege verwijzing [[]]"))
        elif len(body) > MAX_REF:
            out.append((start, at, None, f"verwijzing is langer dan {MAX_REF} tekens"))
        else:
            out.append((start, at, body, None))
    return out


def expand(text: str, site: Site | None, file: str, first_line: int = 1) -> tuple[str, list[Problem]]:
    """Replace every ``[[ref]]`` outside fenced code and inline code; return (text, problems).

    ``first_line`` is the line of ``text``'s first line in ``file`` (after
    front matter), so problems name the line an editor sees. Every other ``[[`` outside
    code (unclosed, too long, broken over two lines) is a problem too (see :func:`scan`).
    With ``site`` ``None`` only those are reported (references are left as written).
    """
    problems: list[Problem] = []
    out, fence = [], None
    for number_, line in enumerate(text.split("\n"), start=first_line):
        match = FENCE.match(line)
        if match and (fence is None or match.group(1) == fence):
            fence = match.group(1) if fence is None else None
            out.append(line)
            continue
        if fence is None and "<!--" in line:
            problems += open_comments(line, file, number_)
        if fence is not None or "[[" not in line:
            out.append(line)
            continue
        parts, last = [], 0
        for start, end, ref, problem in scan(line):
            parts.append(line[last:start])
            last = end
            if problem is None and site is None:  # syntax only (the data did not load)
                parts.append(line[start:end])
                continue
            if problem is None:
                try:
                    parts.append(resolve(site, ref))
                    continue
                except UnknownReference as exc:
                    problem = "onbekende verwijzing" + (f" ({exc})" if str(exc) else "")
            problems.append(Problem(file, number_, start + 1, (ref or line[start:end])[:60], problem))
            parts.append(line[start:end])
        out.append("".join(parts) + line[last:])
    return "\n".join(out), problems


def open_comments(line: str, file: str, number_: int) -> list[Problem]:
    """A problem for each ``<!--`` outside inline code not closed by ``-->`` on the same line:
    Markdown hides everything up to the next ``-->`` (``<!-- bron: S3 r. 12 ->`` swallowed the
    rest of a table), so a comment must fit on its line."""
    plain = CODE.sub(lambda m: " " * len(m.group(0)), line)
    out, at = [], plain.find("<!--")
    while at >= 0:
        end = plain.find("-->", at + 4)
        if end < 0:
            out.append(
                Problem(
                    file,
                    number_,
                    at + 1,
                    line[at:].strip()[:60],
                    "HTML-commentaar zonder --> op dezelfde regel; alles tot de volgende --> "
                    "zou van de pagina verdwijnen",
                )
            )
            break
        at = plain.find("<!--", end + 3)
    return out


FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
"""Front matter as MkDocs finds it (``mkdocs.utils.meta.YAML_RE``)."""


def front_matter_problems(raw: str, file: str) -> list[Problem]:
    """Front matter that is no YAML mapping: MkDocs silently publishes it as page text (the
    ``title: ...`` line as a heading under a rule). Lines counted in ``raw``, the file as written."""
    from .yamlload import load_yaml

    match = FRONT_MATTER.match(raw)
    if not match:
        return []
    data, problems = load_yaml(match.group(1), file)
    if problems:
        return [Problem(file, p.line + 1, p.col, "front matter", p.message) for p in problems]
    if not isinstance(data, dict):
        return [
            Problem(
                file,
                2,
                1,
                "front matter",
                "verwacht sleutel: waarde (bv. title: Toegankelijkheid); nu wordt het tekst op de pagina",
            )
        ]
    return []


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
        return "", Problem(name, line, 1, "", f"bestand is geen UTF-8 (byte 0x{raw[exc.start : exc.start + 1].hex()})")


def check_content(site: Site | None, content_dir: Path, rel: str = "content") -> list[Problem]:
    """Every unknown ``[[ref]]`` in the Markdown files under ``content_dir`` (with ``site`` ``None``:
    only the ``[[`` that are no reference at all, see :func:`expand`)."""
    problems: list[Problem] = []
    top = content_dir.resolve()
    for path in sorted(content_dir.rglob("*.md")):
        name = f"{rel}/{path.relative_to(content_dir).as_posix()}"
        if not path.resolve().is_relative_to(top) or not path.is_file():
            continue  # refused by kwsite.siteconfig.confined
        text, problem = decode_page(path.read_bytes(), name)
        if problem:
            problems.append(problem)
            continue
        problems += (
            front_matter_problems(text.lstrip("\ufeff"), name) + expand(text, site, name)[1] + row_problems(text, name)
        )
    return problems
