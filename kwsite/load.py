"""Load a site's ``data/`` directory into a :class:`~kwsite.model.Site`.

Files (all optional except ``agenda.yaml``): ``agenda.yaml`` (key ``agenda``),
``units.yaml`` (``units``), ``themes.yaml`` (``themes``), ``indicators.yaml``
(``indicators``), ``tables.yaml`` (``tables``, each naming a CSV under
``data/``), ``budget.yaml`` (``budget``), ``measures.yaml`` (``measures``),
``lines.yaml`` (``lines``: action/improvement lines per unit),
``teamplans.yaml`` (``teamplans``: team improvement plans), ``process.yaml``
(``timelines``), ``activities.yaml`` (``activities``), ``ratios.yaml`` (``ratios``), and
``realisations.csv`` (realisations merged into their indicators, :mod:`kwsite.realisations`).
Every problem is collected, with file, line and field; nothing stops at the
first one.
"""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path

from pydantic import ValidationError

from . import model as m
from .hints import did_you_mean
from .problems import KwsiteError, Problem, errors
from .yamlload import MAX_BYTES, load_yaml
from .csvload import read_table
from .loaded import FILES, Loaded, not_utf8, read_confined
from .realisations import read as read_realisations
from .validate import validate
from .messages import MESSAGES, _message  # noqa: F401  (part of this module's interface)
from .unitnames import _key, alias_map  # noqa: F401  (part of this module's interface)


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
        loaded.problems.append(not_utf8(loaded.name(file), raw, exc))
        loaded.failed.add(key)
        return None
    data, problems = _parsed(text, loaded.name(file), keep=file == "indicators.yaml")  # tree: kwsite.updated
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


_PARSED: dict[str, tuple[str, tuple[object, list[Problem]]]] = {}
"""The last parse of each YAML file (by its name in messages): its text and what :func:`load_yaml` gave.
``kwsite serve`` loads ``data/`` again for every rebuild; a file whose text did not change is not parsed
again (the parsed documents are only read afterwards, never changed)."""


def _parsed(text: str, name: str, keep: bool = False) -> tuple[object, list[Problem]]:
    """:func:`load_yaml` of ``text`` (``keep``: its node tree for a second reader), remembered for the file
    ``name`` while its text stays the same."""
    last = _PARSED.get(name)
    if last is not None and last[0] == text:
        data, problems = last[1]
        return data, list(problems)
    found = load_yaml(text, name, keep=keep)
    _PARSED[name] = (text, (found[0], list(found[1])))
    return found


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
            if key == "units" and isinstance(item, dict):
                loaded.invalid_labels |= _unit_labels(item)
            for err in exc.errors():
                loc = prefix + tuple(err["loc"])
                if loaded.where(key, *loc)[1] in flagged:
                    continue
                loaded.add(key, loc, _message(err, model), raw=True)
    return out if is_list else (out[0] if out else None)


def _unit_labels(item: dict) -> set[str]:
    """The labels a unit record names itself by, as written (a number unquoted in YAML, ``code: 5110``,
    counts as its text), folded like :func:`_key`."""
    values = [item.get(f) for f in ("id", "name", "short_name", "code")]
    aliases = item.get("aliases")
    values += list(aliases) if isinstance(aliases, list) else [aliases]
    return {_key(str(v)) for v in values if isinstance(v, (str, int, float)) and not isinstance(v, bool)}


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
        loaded.problems.append(
            Problem(loaded.name(name), 0, 0, "", f"onbekend gegevensbestand, wordt niet gelezen{hint}")
        )


def _alias_conflicts(loaded: Loaded, agenda: m.Agenda, units: list[m.Unit]) -> None:
    """A name, code or alias may point at one unit only: ``Lelystad`` as an alias of ``poort``
    would publish Lelystad's figures on Poort's page. Also the institution total's labels."""
    owner = {_key(a): ("total", "agenda.total_name/total_aliases") for a in [agenda.total_name, *agenda.total_aliases]}
    names = [
        (i, u, [("id", None, u.id), ("name", None, u.name), ("short_name", None, u.short_name), ("code", None, u.code)])
        for i, u in enumerate(units)
    ]
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
                loaded.add(
                    "units",
                    loc,
                    f"'{label}' duidt ook {other} aan ({first[1]}); een naam of alias mag maar één eenheid aanduiden",
                )


def _alias_hint(label: str, aliases: dict[str, str]) -> str:
    """``; bedoelt u 'nrd'? …`` for a misspelt label (fix the label, an alias would keep the typo), else how
    to add another spelling of an existing college."""
    close = did_you_mean(_key(label), aliases)
    if close:
        return f"{close} Verbeter dan het label in dit bestand"
    return " (is het een andere schrijfwijze van een bestaand college, zet die dan bij aliases in units.yaml)"


def _names_invalid_unit(label: str, invalid: set[str]) -> bool:
    """Whether ``label`` names a unit whose record did not load (its error is reported there)."""
    return _key(label) in invalid


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
                loaded.problems.append(
                    Problem(
                        data.path, row.line, 1, "label", f"'{row.label}' staat al op regel {first[_key(row.label)]}"
                    )
                )
        return m.TableData(meta=data.meta, periods=data.periods, rows=rows, path=data.path)
    extra = {_key(x) for x in data.meta.extra_rows}
    if data.meta.total:
        extra.discard(_key(data.meta.total))
    rows = []
    for row in data.rows:
        unit = aliases.get(_key(row.label))
        if data.meta.total and _key(row.label) == _key(data.meta.total):
            unit = "total"
        if (
            unit is None
            and _key(row.label) not in extra
            and "units" not in loaded.failed
            and not _names_invalid_unit(row.label, loaded.invalid_labels)
        ):
            loaded.problems.append(
                Problem(
                    data.path,
                    row.line,
                    1,
                    "label",
                    f"'{row.label}' is geen bekend college{_alias_hint(row.label, aliases)}",
                )
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


def load(data_dir: Path | str, rel: str = "data", realisations: str | None = None) -> tuple[m.Site | None, Loaded]:
    """Load every data file under ``data_dir``.

    Returns the :class:`~kwsite.model.Site` (``None`` when ``agenda.yaml`` is
    unusable) and the :class:`Loaded` record with raw documents and problems.
    Does not raise; see :func:`kwsite.validate.validate` for cross-file rules. ``realisations``: the
    text to use as ``realisations.csv`` instead of the file (``kwsite import`` checks its result so).
    """
    loaded = Loaded(Path(data_dir), rel)
    loaded.realisations_text = realisations
    _unknown_files(loaded)
    parts = {key: _build(loaded, key) for key in FILES}
    agenda = parts["agenda"]
    if agenda is None:
        return None, loaded
    _alias_conflicts(loaded, agenda, parts["units"])
    aliases = alias_map(agenda, parts["units"])
    indicators, loaded.realisation_rows = read_realisations(loaded, parts["indicators"])
    tables = {}
    for meta in parts["tables"]:
        data = read_table(loaded, meta)
        if data is not None:
            tables[meta.id] = resolve_rows(loaded, data, aliases)
    site = m.Site(
        agenda=agenda,
        units=tuple(parts["units"]),
        themes=tuple(parts["themes"]),
        indicators=tuple(indicators),
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


def load_site(data_dir: Path | str, rel: str = "data") -> tuple[m.Site, list[Problem]]:
    """Load and validate ``data_dir``.

    Returns the site and its warnings (and notes: acknowledged problems, level
    ``note``); raises :class:`KwsiteError` with *all* errors (file, line, field)
    when there is any.
    """
    site, loaded = load(data_dir, rel)
    if site is not None:
        validate(site, loaded)
    found = errors(loaded.problems)
    warned = sorted(p for p in loaded.problems if p.level in ("warning", "note"))
    if found or site is None:
        raise KwsiteError(found or loaded.problems, warned)
    return site, warned
