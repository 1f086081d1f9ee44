"""Hiding personal names of owners (privacy by default).

A publisher shows personal names only with the plugin setting
``show_person_names: true``. Otherwise :func:`redact` removes every
``person`` from owners before any page, download or search entry is made, so
the name cannot appear anywhere in the built site. An owner that is only a
person becomes :data:`HIDDEN`.
"""

from __future__ import annotations

import dataclasses

from .model import Owner, Site

HIDDEN = "naam verborgen"


def hide(owner: Owner) -> Owner:
    """The owner without personal name: its role, or :data:`HIDDEN`."""
    if owner.person is None:
        return owner
    return Owner(role=owner.role or HIDDEN)


def _owners(owners) -> list[Owner]:
    return [hide(o) for o in owners]


def redact(site: Site) -> Site:
    """A copy of ``site`` with every personal name of an owner removed."""
    sets = tuple(
        s.model_copy(update={"lines": [ln.model_copy(update={"owners": _owners(ln.owners)}) for ln in s.lines]})
        for s in site.line_sets
    )
    plans = []
    for plan in site.teamplans:
        acts = [a.model_copy(update={"who": _owners(a.who)}) for a in plan.approach.activities]
        approach = plan.approach.model_copy(update={"activities": acts, "who": _owners(plan.approach.who)})
        plans.append(plan.model_copy(update={"approach": approach}))
    return dataclasses.replace(site, line_sets=sets, teamplans=tuple(plans))


def person_names(site: Site) -> set[str]:
    """Every personal name of an owner in the data."""
    owners = [o for ln in site.lines() for o in ln.owners]
    owners += [o for p in site.teamplans for a in p.approach.activities for o in a.who]
    owners += [o for p in site.teamplans for o in p.approach.who]
    return {o.person for o in owners if o.person}
