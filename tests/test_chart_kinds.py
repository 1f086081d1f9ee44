"""The chart-kind registry (kwsite/charts/kinds.py): a chart's cache digest is made of exactly the
arguments its text and drawing receive, so changing any input of any kind changes the digest, and
the fields left out (where a row sits in its file) change neither text nor drawing."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from pydantic import BaseModel

from conftest import ROOT
from kwsite.build import load_site
from kwsite.chartcache import POSITION_ONLY, ChartCache
from kwsite.charts.compare import CompareRow
from kwsite.charts.kinds import KINDS


@pytest.fixture(scope="module")
def sites():
    return {
        name: load_site(ROOT / path / "data")[0]
        for name, path in (("flagship", "."), ("noorderpoort", "examples/noorderpoort"))
    }


def subjects(sites) -> dict[str, list[tuple]]:
    flagship, noorderpoort = sites["flagship"], sites["noorderpoort"]
    unit_table = next(t for t in flagship.tables.values() if t.meta.rows == "unit")
    college = next(u for u in flagship.units if unit_table.row_for_unit(u.id))
    with_series = next(i for i in flagship.indicators if flagship.tables_of(i.id))
    return {
        "indicator": [(flagship, with_series), (flagship, flagship.indicators[0])],
        "table": [(flagship, t) for t in list(flagship.tables.values())[:3]],
        "ratio": [(noorderpoort, next(r for r in noorderpoort.ratios if r.chart))],
        "college": [(flagship, college, unit_table)],
        "compare": [
            (
                flagship,
                flagship.indicators[0],
                2021,
                (
                    CompareRow("College A", Decimal("41.5"), Decimal("40.0"), False, "op koers"),
                    CompareRow("College B", Decimal("38.2"), Decimal("40.0"), True, "achter"),
                    CompareRow("College C", Decimal("36.0"), Decimal("39.5"), True, "niet behaald"),
                    CompareRow("College D", None, None, False, "geen gegevens"),
                ),
            )
        ],
    }


def _changed(value):
    """A different value of the same kind, or ``None`` when there is none to make."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, Decimal):
        return value + 1
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    return None


def variants(value, path="args"):
    """Every copy of ``value`` with one leaf changed (or one sequence shortened), with its path."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            for sub, new in variants(getattr(value, name), f"{path}.{name}"):
                yield sub, value.model_copy(update={name: new})
    elif dataclasses.is_dataclass(value):
        skip = POSITION_ONLY.get(type(value).__name__, ())
        for field in dataclasses.fields(value):
            if field.name not in skip:
                for sub, new in variants(getattr(value, field.name), f"{path}.{field.name}"):
                    yield sub, dataclasses.replace(value, **{field.name: new})
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            for sub, new in variants(item, f"{path}[{i}]"):
                yield sub, type(value)([*value[:i], new, *value[i + 1 :]])
        if value:
            yield f"{path}[:-1]", type(value)(value[:-1])
    elif isinstance(value, dict):
        for key, item in value.items():
            for sub, new in variants(item, f"{path}[{key!r}]"):
                yield sub, {**value, key: new}
    else:
        new = _changed(value)
        if new is not None:
            yield path, new


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_input_of_every_kind_changes_the_digest(kind, sites):
    entry = KINDS[kind]
    checked = 0
    for site, *subject in subjects(sites)[kind]:
        args = entry.arguments(site, *subject)
        assert args is not None and entry.text(*args) is not None
        digest = ChartCache.digest(entry.inputs(args))
        seen = set()
        for path, new_args in variants(args):
            assert ChartCache.digest(entry.inputs(new_args)) != digest, f"{kind}: {path} is not in the digest"
            seen.add(path)
        checked += len(seen)
    assert checked > 20  # leaves of the models, tables, rows and labels were all visited


def test_the_digest_has_the_kind_and_the_order_of_arguments(sites):
    site = sites["flagship"]
    table = next(iter(site.tables.values()))
    assert KINDS["table"].inputs((table,)) != KINDS["ratio"].inputs((table,))
    ind = next(i for i in site.indicators if site.tables_of(i.id))
    args = KINDS["indicator"].arguments(site, ind)
    assert KINDS["indicator"].inputs(args) != KINDS["indicator"].inputs((args[0], args[1], args[2] + " "))


def test_position_fields_change_neither_text_nor_drawing(sites):
    site = sites["flagship"]
    table = next(t for t in site.tables.values() if t.meta.rows == "unit")
    unit = next(u for u in site.units if table.row_for_unit(u.id))
    moved = dataclasses.replace(
        table, path=table.path + ".elders", rows=tuple(dataclasses.replace(r, line=r.line + 40) for r in table.rows)
    )
    for kind, before, after in (
        ("college", (site, unit, table), (site, unit, moved)),
        ("table", (site, table), (site, moved)),
    ):
        entry = KINDS[kind]
        old, new = entry.arguments(*before), entry.arguments(*after)
        assert entry.inputs(old) == entry.inputs(new)
        assert entry.text(*old) == entry.text(*new)
        assert entry.svg(*old) == entry.svg(*new)


def rows(directory):
    import sqlite3

    from kwsite.chartcache import DB_NAME

    db = sqlite3.connect(directory / DB_NAME)
    try:
        return db.execute("SELECT kind, digest FROM entries").fetchall()
    finally:
        db.close()


def test_build_uses_the_registry_digest(sites, tmp_path):
    from kwsite.build import ChartSet

    site = sites["flagship"]
    charts = ChartSet(site, tmp_path)
    ind = next(i for i in site.indicators if site.tables_of(i.id))
    planned = charts.indicator(ind)
    charts.finish()
    digest = ChartCache.digest(KINDS["indicator"].inputs(KINDS["indicator"].arguments(site, ind)))
    charts.cache.close()
    assert rows(tmp_path) == [("svg", digest)]
    assert ChartCache(tmp_path).get(digest) == planned.svg
