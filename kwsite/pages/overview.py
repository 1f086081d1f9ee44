"""Overview pages: budget, indicators, and the index pages of themes and colleges."""

from __future__ import annotations

from decimal import Decimal

from ..datasets import Dataset
from ..model import Site
from ..numbers import euro_mln, machine, number, percent
from ..tables import html_table
from . import status
from .common import Generated, download_block, rel, text
from .theme import indicator_cells, indicator_columns, target_years

BUDGET = "begroting.md"
INDICATORS = "indicatoren.md"
BUDGET_UNIT = "aandelen in procent (0-100), bedragen in miljoenen euro's"


def agenda_source(site: Site) -> str:
    """The agenda document itself, as source of figures it states directly (budget, targets)."""
    return f"{site.agenda.title} ({site.agenda.edition.label})"


def budget(site: Site, files: list[Generated]) -> Generated | None:
    plan = site.budget
    if plan is None:
        return None
    page = BUDGET
    out = ["# Begroting\n"]
    if plan.basis_note:
        out.append(plan.basis_note + "\n")
    per = " per jaar" if plan.per_year else ""
    out.append(f"## Budgetverdeling over de thema's\n\nBedragen in miljoenen euro's{per}.\n")
    columns = ["Thema", "Aandeel", "Bedrag"]
    rows = []
    for a in plan.allocations:
        theme = site.theme(a.theme)
        rows.append([theme.short_title if theme else a.label, percent(a.share_pct), euro_mln(a.amount_mln)])
    share = sum((a.share_pct for a in plan.allocations), Decimal(0))
    amount = sum((a.amount_mln for a in plan.allocations), Decimal(0))
    printed = plan.total
    total_share = printed.share_pct if printed and printed.share_pct is not None else share
    total_amount = printed.amount_mln if printed and printed.amount_mln is not None else amount
    rows.append(["Totaal", percent(total_share), euro_mln(total_amount)])
    caption = "Budgetverdeling over de thema's"
    out.append(html_table(columns, rows, caption, css="kw-table kw-budget"))
    machine_rows = [(r[0], machine(a.share_pct), machine(a.amount_mln)) for r, a in zip(rows, plan.allocations)]
    machine_rows.append(("Totaal", machine(total_share), machine(total_amount)))
    dataset = Dataset("begroting-thema", caption, ("thema", "aandeel_pct", "bedrag_mln_euro"), tuple(machine_rows),
                      BUDGET_UNIT, agenda_source(site), page)
    out.append("\n" + download_block(dataset, files) + "\n")
    check = "komt overeen met" if printed and printed.amount_mln == amount and printed.share_pct == share else "wijkt af van"
    out.append(f"*Berekend:* de som van de rijen is {percent(share)} en {euro_mln(amount)}; dit {check} het gedrukte totaal.\n")
    national = [a for a in plan.allocations if site.theme(a.theme) and site.theme(a.theme).national]
    if national:
        nat = sum((a.share_pct for a in national), Decimal(0))
        nat_amount = sum((a.amount_mln for a in national), Decimal(0))
        out.append(f"*Berekend:* de drie landelijke thema's krijgen samen {percent(nat)} ({euro_mln(nat_amount)}).")
        if plan.national_min_share_text:
            out.append(f" {plan.national_min_share_text}")
        out.append("\n")
    if plan.additional:
        out.append(additional(site, page, files))
    if plan.additional_sources:
        out.append("### Andere bronnen\n\n" + "\n".join(f"- {s}" for s in plan.additional_sources) + "\n")
    if plan.note:
        out.append(plan.note + "\n")
    return Generated(page, "\n".join(out), "Begroting")


def additional(site: Site, page: str, files: list[Generated]) -> str:
    plan = site.budget
    columns = ["Thema", "KA-middelen (% verticaal)", "KA-middelen", "KA (% horizontaal)",
               "Andere middelen", "Andere (%)", "Totaal additioneel", "Totaal (%)"]
    def cells(r):
        return [percent(r.ka_share_vertical_pct), euro_mln(r.ka_amount_mln), percent(r.ka_share_horizontal_pct),
                euro_mln(r.other_amount_mln), percent(r.other_share_pct), euro_mln(r.total_amount_mln), percent(r.total_share_pct)]
    fields = ("ka_share_vertical_pct", "ka_amount_mln", "ka_share_horizontal_pct", "other_amount_mln", "other_share_pct",
              "total_amount_mln", "total_share_pct")
    records = [((site.theme(r.theme).short_title if site.theme(r.theme) else r.label), r) for r in plan.additional]
    if plan.additional_total:
        records.append(("Totaal", plan.additional_total))
    rows = [[label, *cells(r)] for label, r in records]
    names = ("thema", "ka_pct_verticaal", "ka_mln_euro", "ka_pct_horizontaal", "andere_mln_euro", "andere_pct", "totaal_mln_euro", "totaal_pct")
    mrows = tuple((label, *(machine(getattr(r, f)) for f in fields)) for label, r in records)
    title = "Additionele middelen voor de landelijke thema's"
    dataset = Dataset("begroting-additioneel", title, names, mrows, BUDGET_UNIT, agenda_source(site), page)
    link = download_block(dataset, files)
    intro = "De agenda geeft de andere additionele middelen indicatief.\n\n" if plan.additional_indicative else ""
    return f"## {title}\n\n{intro}" + html_table(columns, rows, title, css="kw-table kw-budget") + f"\n\n{link}\n"


def indicators(site: Site, files: list[Generated]) -> Generated:
    page = INDICATORS
    years = target_years(site)
    measured = any(i.realisations for i in site.indicators)  # without realisations every Stand says "geen gegevens"
    columns = ["Indicator", "Thema", "Nulmeting", *[f"Streefwaarde {y}" for y in years]] + (["Stand"] if measured else [])
    rows, mrows = [], []
    for ind in site.indicators:
        theme = site.theme(ind.theme)
        label, theme_name = f"{ind.id} {ind.short_name or ind.name}", theme.short_title if theme else ind.theme
        shown, cells = indicator_cells(ind, years)
        rows.append([label, theme_name, *shown] + ([status.overview_cell(ind)] if measured else []))
        mrows.append((label, theme_name, ind.unit, *cells, status.overview_code(ind)))
    caption = "Alle indicatoren met nulmeting en streefwaarden"
    intro = f"{caption}."
    if any(t.indicative for i in site.indicators for t in i.targets):
        intro += " Streefwaarden met *(indicatief)* noemt de agenda zelf indicatief."
    if site.agenda.goals_are_minimum:
        intro += " De agenda schrijft bij de doelen per jaar dat ze *minimaal* behaald moeten zijn."
    out = ["# Indicatoren\n", intro + "\n",
           html_table(columns, rows, caption, css="kw-table kw-overview"), "",
           "Per indicator: " + ", ".join(f"[{text(i.id)}]({rel(page, f'indicatoren/{i.id}.md')})" for i in site.indicators)
           + "." + (" " + status.explanation_link(page) if measured else "") + "\n"]
    names = ("indicator", "thema", "eenheid", *indicator_columns(years), "stand")
    dataset = Dataset("indicatoren", caption, names, tuple(mrows), "per indicator, zie de kolom eenheid",
                      agenda_source(site), page)
    out.append(download_block(dataset, files) + "\n")
    out.append("Per thema: " + ", ".join(f"[{text(t.short_title)}]({rel(page, 'themas/' + t.id + '.md')})" for t in site.themes) + ".\n")
    return Generated(page, "\n".join(out), "Indicatoren")


def themes_index(site: Site) -> Generated:
    page = "themas/index.md"
    out = ["# Thema's\n"]
    for t in site.themes:
        if t.kind != "theme":
            continue
        flag = " (landelijk thema)" if t.national else ""
        out.append(f"- [Thema {t.number}: {text(t.title)}]({rel(page, 'themas/' + t.id + '.md')}){flag}: {_theme_contents(site, t.id)}")
    preconditions = [t for t in site.themes if t.kind == "precondition"]
    if preconditions:
        out.append("\n## Voorwaarde\n\nGeen thema, maar een voorwaarde om de thema's uit te voeren.\n")
        out += [f"- [Voorwaarde: {text(t.title)}]({rel(page, 'themas/' + t.id + '.md')}): {_theme_contents(site, t.id)}"
                for t in preconditions]
    return Generated(page, "\n".join(out) + "\n", "Overzicht")


def _count(n: int, one: str, many: str) -> str:
    """``1 maatregel``, ``3 maatregelen``, ``geen maatregelen``."""
    return f"1 {one}" if n == 1 else f"{number(n) if n else 'geen'} {many}"


def _theme_contents(site: Site, theme_id: str) -> str:
    """What a theme page holds, for the index: ``2 indicatoren, 12 maatregelen``."""
    return (f"{_count(len(site.indicators_of(theme_id)), 'indicator', 'indicatoren')}, "
            f"{_count(len(site.measures_of(theme_id)), 'maatregel', 'maatregelen')}")


def _college_contents(site: Site, unit_id: str) -> str:
    """What a college appendix holds, for the index: ``waarden in 5 van de 6 tabellen; 2 maatregelen noemen
    het college``."""
    tables = [t for t in site.tables.values() if t.meta.rows == "unit"]
    filled = [t for t in tables if (row := t.row_for_unit(unit_id)) is not None and any(v is not None for v in row.values)]
    values = f"waarden in {number(len(filled))} van de {_count(len(tables), 'tabel', 'tabellen')}" if tables else "geen tabellen"
    n = sum(1 for m in site.measures if unit_id in m.units)
    measures = "geen maatregel noemt" if not n else "1 maatregel noemt" if n == 1 else f"{number(n)} maatregelen noemen"
    return f"{values}; {measures} het college"


def colleges_index(site: Site) -> Generated:
    page = "colleges/index.md"
    out = ["# Bijlagen per mbo-college\n", f"{number(len(site.units))} colleges.\n"]
    for u in site.units:
        code = f" (code {text(u.code)})" if u.code else ""
        out.append(f"- [{text(u.name)}]({rel(page, 'colleges/' + u.id + '.md')}){code}: {_college_contents(site, u.id)}")
    return Generated(page, "\n".join(out) + "\n", "Overzicht")
