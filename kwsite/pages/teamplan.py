"""Generated pages of team improvement plans (six steps of the national format),
their index, and the reference page with the steps, the preconditions
checklist and the bottlenecks with tips (S2, paraphrased; see :mod:`kwsite.leidraad`)."""

from __future__ import annotations

from .. import paths
from .. import leidraad
from .. import timeline as tl
from ..model import Site, TeamPlan
from .common import Generated, rel, text
from .lines import owner_text, target_text

INDEX = paths.TEAMPLANS_INDEX
REFERENCE = paths.TEAMPLANS_REFERENCE
EMPTY = "*Nog niet ingevuld.*"
CHECK = "*Controle door deze site (geen oordeel van het team of van de leidraad):*"
COMPOSED = "**Samengesteld door de redactie van deze site, niet door een team.**"


def path(plan: TeamPlan) -> str:
    return paths.teamplan(plan.id)


def _step(number: int) -> str:
    title, lead, _ = leidraad.STEPS[number]
    return f"## Stap {number}. {title}\n\n*Leidraad:* {lead}\n"


def _when(values: list[str]) -> str:
    sched = tl.parse(values)
    out = "; ".join(values)
    if sched.uncertain:
        out += " (onzeker)"
    return out


def _cell(value: str) -> str:
    """Text from data for a cell of a Markdown table: ``|`` escaped, line breaks as spaces (either would
    end the cell or the row)."""
    return " ".join(text(value).split()).replace("|", "\\|")


def _approach(plan: TeamPlan) -> list[str]:
    ap = plan.approach
    out = [_step(3)]
    research = {True: "ja", False: "nee", None: "niet ingevuld"}[ap.research_needed]
    out.append(f"**Eerst meer onderzoek naar de oorzaken nodig:** {research}.\n")
    if ap.who or ap.when:
        who = ", ".join(owner_text(o) for o in ap.who) or "niet ingevuld"
        out.append(f"Voor alle activiteiten samen (de bron verdeelt dit niet per activiteit): **wie:** {text(who)}; "
                   f"**wanneer:** {text(_when(ap.when)) or 'niet ingevuld'}.\n")
    if ap.activities and not any(a.who or a.when for a in ap.activities):
        out.append("\n".join(f"- {text(a.what)}" for a in ap.activities) + "\n")
    elif ap.activities:
        out.append("| Activiteit | Wie | Wanneer |\n|---|---|---|")
        for a in ap.activities:
            who = ", ".join(owner_text(o) for o in a.who) or "niet ingevuld"
            out.append(f"| {_cell(a.what)} | {_cell(who)} | {_cell(_when(a.when)) or 'niet ingevuld'} |")
        out.append("")
    else:
        out.append(EMPTY + "\n")
    out.append(f"**Waarom deze aanpak tot verbetering kan leiden:** {text(ap.rationale) if ap.rationale else 'niet ingevuld'}\n")
    out.append("### Randvoorwaarden\n")
    arranged = {p.topic: p.text for p in ap.preconditions}
    for topic, question in leidraad.PRECONDITIONS.items():
        answer = text(arranged[topic]) if topic in arranged else "*nog niet ingevuld*"
        out.append(f"- {question} — {answer}")
    out.append(f"\nZie de [checklist en tips]({rel(path(plan), REFERENCE)}).\n")
    return out


def _objective(plan: TeamPlan) -> list[str]:
    goal = plan.objective
    out = [_step(4), f"{text(goal.text)}\n"]
    smart = [
        ("Indicator", text(goal.indicator) if goal.indicator else None),
        ("Streefwaarde", text(target_text(goal.target)) if goal.target else None),
        ("Wanneer bereikt", text(_when(goal.when)) + (f" (tot en met {goal.deadline})" if goal.deadline else "") if goal.when else None),
        ("Tevreden als", text(goal.satisfied_when) if goal.satisfied_when else None),
        ("Vastgesteld met", "; ".join(text(m) for m in goal.measured_by) or None),
        ("Tussentijdse evaluatie", "; ".join(text(m) for m in goal.interim_moments) or None),
        ("Eindevaluatie", text(goal.final_moment) if goal.final_moment else None),
    ]
    out.append("\n".join(f"- **{label}:** {value or 'niet ingevuld'}" for label, value in smart) + "\n")
    missing = [label.lower() for label, value in smart[:3] if not value]
    if goal.when and goal.deadline is None:
        missing.append("een jaar bij 'wanneer bereikt'")
    out.append(f"{CHECK} indicator, streefwaarde en een jaar zijn ingevuld. Of het doel ook specifiek, acceptabel "
               "en realistisch is, beoordeelt de site niet.\n" if not missing
               else f"{CHECK} voor een SMART doel ontbreekt nog: {', '.join(missing)}.\n")
    return out


def render(site: Site, plan: TeamPlan) -> Generated:
    page = path(plan)
    out = [f"# Verbeterplan: {text(plan.title)}\n"]
    if plan.composed_by_editors:
        out.append(f"!!! note \"Samengesteld door de redactie\"\n    {COMPOSED} {text(plan.composed_by_editors)}\n")
    out.append(f"**Team:** {text(plan.team)}\n")
    line = site.line(plan.line) if plan.line else None
    if line:
        lset = site.line_set_of(line.id)
        title = line.goal.strip().rstrip(".;:!? ")
        out.append(f"Dit plan werkt de verbeterlijn “{text(title)}” uit "
                   f"(zie [actie- en verbeterlijnen]({rel(page, paths.line_set(lset.unit))})).\n")
    out.append(f"Opgesteld volgens het format in zes stappen uit de [leidraad]({rel(page, REFERENCE)}).\n")
    out += [_step(1), f"{text(plan.goal)}\n", _step(2)]
    given = {r.kind for r in plan.reasons}
    out.append("\n".join(f"- {'☑' if k in given else '☐'} {label}" for k, label in leidraad.REASONS.items()) + "\n")
    out += [f"**Toelichting ({leidraad.REASONS[r.kind].lower()}):** {text(r.text)}\n" for r in plan.reasons]
    out += _approach(plan) + _objective(plan)
    out.append(_step(5))
    for note in plan.interim:
        track = {True: "ja", False: "nee", None: "niet ingevuld"}[note.on_track]
        out.append(f"### {text(note.when)}\n\n- Verloopt volgens plan: {track}\n"
                   f"- Wat gaat anders dan gepland: {text(note.deviations) or 'niet ingevuld'}\n"
                   f"- Bijstelling van plan of aanpak (welke en waarom): {text(note.adjustments) or 'niet ingevuld'}\n")
    if not plan.interim:
        out.append(EMPTY + "\n")
    out.append(_step(6))
    ev = plan.evaluation
    if ev is None:
        out.append(EMPTY + "\n")
    else:
        done = {True: "ja", False: "nee", None: "niet ingevuld"}[ev.achieved]
        out.append(f"- Doelen gehaald: {done}\n- Waarom: {text(ev.why) or 'niet ingevuld'}\n"
                   f"- Borging: {text(ev.safeguarding) or 'niet ingevuld'}\n"
                   f"- Volgende cyclus: {text(ev.next_cycle) or 'niet ingevuld'}\n")
    return Generated(page, "\n".join(out), plan.title)


def index(site: Site) -> Generated:
    out = ["# Verbeterplannen van teams\n",
           "De leidraad beschrijft een verbeterplan in zes stappen: "
           + ", ".join(f"{n}. {title}" for n, (title, _, _) in leidraad.STEPS.items())
           + f". Zie de [leidraad]({rel(INDEX, REFERENCE)}).\n"]
    out += [f"- [{text(p.title)}]({rel(INDEX, path(p))}) — {text(p.team)}"
            + (" (samengesteld door de redactie)" if p.composed_by_editors else "") for p in site.teamplans]
    return Generated(INDEX, "\n".join(out) + "\n", "Overzicht")


def reference() -> Generated:
    out = ["# Leidraad: verbeterplan in zes stappen\n",
           "Volgens de leidraad werkt een team systematisch als het vooraf bepaalt wat de opbrengst moet zijn en "
           "hoe die wordt vastgesteld, en daarmee achteraf nagaat in hoeverre de doelen zijn gehaald; cyclisch als "
           "het weer bij stap 1 kan beginnen wanneer er opnieuw aanleiding is.\n", "## De zes stappen\n"]
    for n, (title, lead, questions) in leidraad.STEPS.items():
        out.append(f"### {n}. {title}\n\n{lead}\n")
        out.append("\n".join(f"- {q}" for q in questions) + "\n")
    out += ["SMART staat in de leidraad voor specifiek, meetbaar, acceptabel, realistisch en tijdgebonden. "
            "Deze site controleert daarvan alleen of een plan een indicator, een streefwaarde en een jaar noemt "
            "(eigen controle van de site, geen onderdeel van de leidraad).\n",
            "## Soorten aanleiding\n", "\n".join(f"- {v}" for v in leidraad.REASONS.values()) + "\n",
            "## Checklist randvoorwaarden\n", "\n".join(f"- {v}" for v in leidraad.PRECONDITIONS.values()) + "\n",
            "## Knelpunten en tips voor opleidingsteams\n"]
    rows = ["| Knelpunt | Tips |", "|---|---|"]
    rows += [f"| {title} | {'<br>'.join('• ' + text(t) for t in tips)} |" for title, tips in leidraad.BOTTLENECKS]
    out += ["\n".join(rows), "", f"*Bron:* {leidraad.SOURCE} De formuleringen op deze pagina zijn in eigen woorden.\n"]
    return Generated(REFERENCE, "\n".join(out), "Leidraad en checklist")
