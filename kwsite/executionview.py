"""The state of execution of measures and action/improvement lines on the generated pages: counts per
state (:data:`kwsite.model.execution.STATES`) and each record's current state with its date.

Contexts only (plain values); ``pages/progress.md`` and the macro ``block`` of ``macros/execution.html``
(theme and college pages) show them.
Outside :mod:`kwsite.pages` so that the ``[[progress.summary]]`` directive (:mod:`kwsite.directives`)
reaches it without importing the pages (no import cycle). Owners are not shown here, so no personal name can appear (:mod:`kwsite.privacy`)."""

from __future__ import annotations

from collections import Counter

from .model import Site, Theme, Unit
from .model.execution import STATES, latest, state
from .numbers import number


def _records(site: Site) -> list[tuple[str, str, str | None, tuple[str, ...], list]]:
    """(kind, title, theme id, unit ids, progress entries) of every measure and line."""
    out = [("maatregel", m.title, m.theme, tuple(m.units), m.progress) for m in site.measures]
    for lset in site.line_sets:
        out += [(line.kind, line.goal, None, (lset.unit,), line.progress) for line in lset.lines]
    return out


def _counts(records) -> Counter:
    """Current state per record with progress; records without any are counted under ``None``."""
    counts: Counter = Counter()
    for *_, entries in records:
        now = latest(entries)
        counts[now.state if now else None] += 1
    return counts


def _row(label: str, counts: Counter) -> dict:
    return {
        "label": label,
        "cells": [number(counts[s.word]) for s in STATES],
        "none": number(counts[None]),
        "total": number(sum(counts.values())),
    }


def state_dict(word: str) -> dict:
    found = state(word)
    return {"word": word, "icon": found.icon if found else "", "key": found.key if found else "onbekend"}


def _item(kind: str, title: str, entries) -> dict:
    now = latest(entries)
    return {
        "kind": kind,
        "title": title,
        "state": state_dict(now.state) if now else None,
        "date": now.date if now else None,
        "note": now.note if now else None,
        "steps": len(entries),
    }


def execution_context(site: Site, page: str) -> dict | None:
    """Counts per state overall, per theme and per college; ``None`` when no record carries progress."""
    records = _records(site)
    if not any(r[4] for r in records):
        return None
    themes = [(t, [r for r in records if r[2] == t.id]) for t in site.themes]
    known = {t.id for t in site.themes}  # a line may belong to no theme: its own row, so the rows add up
    colleges = [(u, [r for r in records if u.id in r[3]]) for u in site.units]
    return {
        "columns": [state_dict(s.word) for s in STATES],
        "overall": _row("Alle maatregelen en lijnen", _counts(records)),
        "themes": [_row(t.short_title, _counts(rs)) for t, rs in themes if rs]
        + [_row("Zonder thema", _counts(rest)) for rest in [[r for r in records if r[2] not in known]] if rest],
        "colleges": [_row(u.name, _counts(rs)) for u, rs in colleges if rs],
    }


def _block(heading: str, records) -> dict | None:
    if not any(r[4] for r in records):
        return None
    return {
        "heading": heading,
        "columns": [state_dict(s.word) for s in STATES],
        "counts": _row("Alle", _counts(records)),
        "records": [_item(r[0], r[1], r[4]) for r in records],
    }


def theme_block(site: Site, theme: Theme) -> dict | None:
    """Context of the execution of the theme's measures (``macros/execution.html``); ``None`` when none
    carries progress."""
    return _block("Uitvoering van de maatregelen", [r for r in _records(site) if r[2] == theme.id])


def college_block(site: Site, unit: Unit) -> dict | None:
    """Context of the execution of the measures naming ``unit`` and of its lines; ``None`` when none
    carries progress."""
    return _block("Uitvoering", [r for r in _records(site) if unit.id in r[3]])
