"""Generated pages of team improvement plans (six steps of the national format),
their index, and the reference page with the steps, the preconditions
checklist and the bottlenecks with tips (S2, paraphrased; see :mod:`kwsite.leidraad`). The pages are the
templates ``pages/teamplan.md``, ``pages/teamplans.md`` and ``pages/leidraad.md``."""

from __future__ import annotations

from .. import paths
from .. import leidraad
from .. import timeline as tl
from ..model import Site, TeamPlan
from ..templating import Templates
from .common import Generated, rel
from .lines import owner_text, target_text

INDEX = paths.TEAMPLANS_INDEX
REFERENCE = paths.TEAMPLANS_REFERENCE


def path(plan: TeamPlan) -> str:
    return paths.teamplan(plan.id)


def _when(values: list[str]) -> str:
    sched = tl.parse(values)
    out = "; ".join(values)
    if sched.uncertain:
        out += " (onzeker)"
    return out


def _cell(value: str) -> str:
    """Text from data for a cell of a Markdown table: ``|`` escaped, line breaks as spaces (either would
    end the cell or the row); HTML is escaped by the template."""
    return " ".join((value or "").split()).replace("|", "\\|")


ANSWER = {True: "ja", False: "nee", None: "niet ingevuld"}


def _approach(plan: TeamPlan) -> dict:
    ap = plan.approach
    out = {
        "research": ANSWER[ap.research_needed],
        "together": None,
        "list": [],
        "rows": [],
        "rationale": ap.rationale or "niet ingevuld",
    }
    if ap.who or ap.when:
        out["together"] = {
            "who": ", ".join(owner_text(o) for o in ap.who) or "niet ingevuld",
            "when": _when(ap.when) or "niet ingevuld",
        }
    if ap.activities and not any(a.who or a.when for a in ap.activities):
        out["list"] = [a.what for a in ap.activities]
    elif ap.activities:
        out["rows"] = [
            {
                "what": _cell(a.what),
                "who": _cell(", ".join(owner_text(o) for o in a.who) or "niet ingevuld"),
                "when": _cell(_when(a.when)) or "niet ingevuld",
            }
            for a in ap.activities
        ]
    arranged = {p.topic: p.text for p in ap.preconditions}
    out["preconditions"] = [
        {"question": question, "answer": arranged.get(topic)} for topic, question in leidraad.PRECONDITIONS.items()
    ]
    return out


def _objective(plan: TeamPlan) -> dict:
    goal = plan.objective
    smart = [
        ("Indicator", goal.indicator or None),
        ("Streefwaarde", target_text(goal.target) if goal.target else None),
        (
            "Wanneer bereikt",
            _when(goal.when) + (f" (tot en met {goal.deadline})" if goal.deadline else "") if goal.when else None,
        ),
        ("Tevreden als", goal.satisfied_when or None),
        ("Vastgesteld met", "; ".join(goal.measured_by) or None),
        ("Tussentijdse evaluatie", "; ".join(goal.interim_moments) or None),
        ("Eindevaluatie", goal.final_moment or None),
    ]
    missing = [label.lower() for label, value in smart[:3] if not value]
    if goal.when and goal.deadline is None:
        missing.append("een jaar bij 'wanneer bereikt'")
    return {"text": goal.text, "smart": smart, "missing": missing}


def _steps() -> dict:
    return {
        n: {"title": title, "lead": lead, "questions": list(questions)}
        for n, (title, lead, questions) in leidraad.STEPS.items()
    }


def render(site: Site, plan: TeamPlan, templates: Templates | None = None) -> Generated:
    """One plan from ``pages/teamplan.md``."""
    page = path(plan)
    line = site.line(plan.line) if plan.line else None
    given = {r.kind for r in plan.reasons}
    ev = plan.evaluation
    context = {
        "plan": plan,
        "steps": _steps(),
        "reference_url": rel(page, REFERENCE),
        "line": {
            "title": line.goal.strip().rstrip(".;:!? "),
            "url": rel(page, paths.line_set(site.line_set_of(line.id).unit)),
        }
        if line
        else None,
        "reasons": [{"label": label, "given": k in given} for k, label in leidraad.REASONS.items()],
        "explanations": [{"label": leidraad.REASONS[r.kind].lower(), "text": r.text} for r in plan.reasons],
        "approach": _approach(plan),
        "objective": _objective(plan),
        "interim": [
            {"when": n.when, "track": ANSWER[n.on_track], "deviations": n.deviations, "adjustments": n.adjustments}
            for n in plan.interim
        ],
        "evaluation": None
        if ev is None
        else {
            "achieved": ANSWER[ev.achieved],
            "why": ev.why,
            "safeguarding": ev.safeguarding,
            "next_cycle": ev.next_cycle,
        },
    }
    return Generated(page, (templates or Templates()).render("pages/teamplan.md", **context), plan.title)


def index(site: Site, templates: Templates | None = None) -> Generated:
    """The index of the plans from ``pages/teamplans.md``."""
    plans = [
        {"title": p.title, "url": rel(INDEX, path(p)), "team": p.team, "composed": bool(p.composed_by_editors)}
        for p in site.teamplans
    ]
    return Generated(
        INDEX,
        (templates or Templates()).render(
            "pages/teamplans.md", steps=_steps(), plans=plans, reference_url=rel(INDEX, REFERENCE)
        ),
        "Overzicht",
    )


def reference(templates: Templates | None = None) -> Generated:
    """The reference page from ``pages/leidraad.md``."""
    context = {
        "steps": _steps(),
        "reasons": list(leidraad.REASONS.values()),
        "preconditions": list(leidraad.PRECONDITIONS.values()),
        "bottlenecks": [{"title": title, "tips": list(tips)} for title, tips in leidraad.BOTTLENECKS],
        "source": leidraad.SOURCE,
    }
    return Generated(
        REFERENCE, (templates or Templates()).render("pages/leidraad.md", **context), "Leidraad en checklist"
    )
