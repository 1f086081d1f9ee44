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
from typing import get_args

from pydantic import ValidationError

from . import model as m
from .hints import did_you_mean, number_hint
from .model.base import SOURCE_REF
from .problems import Problem
from .yamlload import MAX_BYTES, load_yaml
from .csvload import read_table
from .loaded import FILES, Loaded, not_utf8, read_confined
from .realisations import read as read_realisations

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
    if kind == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") == SOURCE_REF:
        return ("bronverwijzing niet in de vorm 'S3 r. 12-15' (meerdere reeksen: 'S3 r. 12-15, 20'; "
                "meerdere bronnen: 'S0 r. 1-5; S1 r. 7'; eigen tekst: 'redactie')")
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
                loaded.add(key, loc, _message(err, model), raw=True)
    return out if is_list else (out[0] if out else None)


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
    owner = {_key(a): ("total", "agenda.total_name/total_aliases") for a in [agenda.total_name, *agenda.total_aliases]}
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
