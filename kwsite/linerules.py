"""Validation rules for action/improvement lines and team improvement plans.

- ids unique; a line set's unit and a plan's unit and line resolve;
- an *actielijn* always has an owner (S0 L4) — error;
- a *verbeterlijn* has an end to its time span (S0 L6-7): a year readable in
  its timeline or its ``time_box`` — error;
- targets inside their scale, percentages 0-100 — error;
- a team plan's goal is SMART: indicator, target and a date (S2 L128-129) — warning;
- a personal name of an owner that also occurs in other text would not be
  hidden by the privacy setting — warning (the message does not repeat the name).
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from .loaded import Loaded
from .model import Site
from .numbers import number
from .privacy import person_names


def check_line_refs(site: Site, loaded: Loaded) -> None:
    units = {u.id for u in site.units} | loaded.invalid_ids
    ids = Counter(line.id for line in site.lines())
    seen: set[str] = set()
    for i, lset in enumerate(site.line_sets):
        if "units" not in loaded.failed and lset.unit not in units:
            loaded.add("lines", (i, "unit"), f"onbekende eenheid '{lset.unit}'")
        for j, line in enumerate(lset.lines):
            if ids[line.id] > 1 and line.id in seen:
                loaded.add("lines", (i, "lines", j, "id"), f"id '{line.id}' komt vaker voor")
            seen.add(line.id)
    plan_ids: set[str] = set()
    for i, plan in enumerate(site.teamplans):
        if plan.id in plan_ids:
            loaded.add("teamplans", (i, "id"), f"id '{plan.id}' komt vaker voor")
        plan_ids.add(plan.id)
        if plan.unit and "units" not in loaded.failed and plan.unit not in units:
            loaded.add("teamplans", (i, "unit"), f"onbekende eenheid '{plan.unit}'")
        if plan.line and site.line(plan.line) is None:
            loaded.add("teamplans", (i, "line"), f"onbekende actie- of verbeterlijn '{plan.line}'")


def check_line_rules(site: Site, loaded: Loaded) -> None:
    for i, lset in enumerate(site.line_sets):
        for j, line in enumerate(lset.lines):
            loc = (i, "lines", j)
            if line.kind == "actielijn" and not line.owners:
                loaded.add(
                    "lines", loc + ("kind",), "actielijn zonder eigenaar (een actielijn heeft altijd een eigenaar)"
                )
            if line.kind == "verbeterlijn" and line.time_box_end is None:
                loaded.add(
                    "lines",
                    loc + ("timeline",) if line.timeline else loc + ("kind",),
                    "verbeterlijn zonder einde van de tijdspanne (geen jaar in timeline of time_box)",
                )
            for k, target in enumerate(line.targets):
                _check_target(loaded, "lines", loc + ("targets", k), target)


def _check_target(loaded: Loaded, key: str, loc: tuple, target) -> None:
    for name in ("value", "baseline"):
        value = getattr(target, name)
        if value is None or (target.kind == "increase" and name == "value"):
            continue
        if target.scale and not (target.scale.min <= value <= target.scale.max):
            loaded.add(
                key,
                loc + (name,),
                f"waarde {number(value)} ligt buiten de schaal {number(target.scale.min)}-{number(target.scale.max)}",
            )
        elif target.unit == "percent" and not (0 <= value <= Decimal(100)):
            loaded.add(key, loc + (name,), f"percentage {number(value)} ligt niet tussen 0 en 100")
        elif target.unit == "grade" and not (1 <= value <= 10):
            loaded.add(key, loc + (name,), f"cijfer {number(value)} ligt niet tussen 1 en 10")


def check_teamplans(site: Site, loaded: Loaded) -> None:
    for i, plan in enumerate(site.teamplans):
        goal = plan.objective
        missing = []
        if not goal.indicator:
            missing.append("geen meetbare indicator")
        if goal.target is None:
            missing.append("geen streefwaarde")
        if goal.deadline is None:
            missing.append("geen datum")
        if missing:
            loaded.add("teamplans", (i, "objective"), "doel is niet SMART: " + ", ".join(missing), "warning")
        if goal.target is not None:
            _check_target(loaded, "teamplans", (i, "objective", "target"), goal.target)


def _strings(node, loc: tuple):
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "person":
                yield from _strings(value, loc + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, loc + (i,))
    elif isinstance(node, str):
        yield loc, node


def check_name_leaks(site: Site, loaded: Loaded) -> None:
    names = person_names(site)
    if not names:
        return
    for key, doc in loaded.docs.items():
        for loc, value in _strings(doc.get(key), ()):
            if any(name in value for name in names):
                loaded.add(
                    key,
                    loc,
                    "bevat een persoonsnaam van een eigenaar; die wordt hier niet verborgen "
                    "(zet de naam alleen in 'person')",
                    "warning",
                    raw=True,
                )


LINE_RULES = (check_line_refs, check_line_rules, check_teamplans, check_name_leaks)
