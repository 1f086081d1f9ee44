"""The labels that name a college (unit): id, name, short name, code and aliases, matched without
regard to case and surrounding spaces. Shared by the loader, the directives and the spreadsheet import."""

from __future__ import annotations

from . import model as m


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


def _key(label: str) -> str:
    return " ".join(label.casefold().split())
