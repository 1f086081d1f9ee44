"""Sortable tables in a real browser: the indicator overview sorts by a column with the keyboard
(a button in each header, Enter and Space), the order follows the values (Dutch numbers as
numbers, a missing value last), aria-sort and a live region say the state, and without
JavaScript the table is as built. Uses the browser and server of ``test_a11y``."""

import re
from decimal import Decimal

import pytest

from test_a11y import ARTIFACTS, axe_source, browser, page, run_axe, server, sites  # noqa: F401 (fixtures)

TABLE = "table.kw-overview"
ROWS = f"() => Array.from(document.querySelectorAll('{TABLE} tbody tr')).map(r => Array.from(r.cells).map(c => c.textContent.trim()))"
HEADERS = f"() => Array.from(document.querySelectorAll('{TABLE} thead th')).map(th => [th.textContent.trim(), th.getAttribute('aria-sort')])"
STATUS = f"() => document.querySelector('{TABLE}').closest('.kw-table-wrap').nextElementSibling.textContent"


def first_number(cell: str) -> Decimal | None:
    """``"6,7% (2016)"`` → 6.7; ``"geen gegevens"`` → ``None``."""
    m = re.match(r"(\d+(?:,\d+)?)", cell)
    return Decimal(m.group(1).replace(",", ".")) if m else None


def tab_to(page, name: str, key: str = "Tab") -> None:  # noqa: F811
    """Press ``key`` (Tab, Shift+Tab) until the sort button named ``name`` has the focus (at most 200 times)."""
    for _ in range(200):
        page.keyboard.press(key)
        if (
            page.evaluate(
                "() => document.activeElement.matches('button.kw-sort') && document.activeElement.textContent.trim()"
            )
            == name
        ):
            return
    pytest.fail(f"no sort button {name!r} reached with Tab")


def test_indicator_overview_sorts_by_keyboard(server, page):  # noqa: F811
    page.goto(server("flagship") + "indicatoren/")
    before = page.evaluate(ROWS)
    assert (
        len(before) >= 10 and [h[1] for h in page.evaluate(HEADERS)] == [None] * 5
    )  # no Stand column: S3 has no realisations
    tab_to(page, "Nulmeting")
    page.keyboard.press("Enter")
    rows = page.evaluate(ROWS)
    assert sorted(map(tuple, rows)) == sorted(map(tuple, before))  # same rows, other order
    values = [first_number(r[2]) for r in rows]
    known = [v for v in values if v is not None]
    assert known == sorted(known) and len(known) >= 4
    assert values == known + [None] * (len(values) - len(known))  # "geen gegevens" last
    assert known[0] == Decimal("6.7") and known[-1] == Decimal(
        "38"
    )  # 2b VSV 6,7% (2016, derived); 1b 38% (S3); 3b has none
    assert dict(page.evaluate(HEADERS))["Nulmeting"] == "ascending"
    assert page.evaluate(STATUS) == "Gesorteerd op Nulmeting, oplopend."
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "flagship-indicators-sorted.png"))

    page.keyboard.press("Space")  # the same button again: descending, missing values still last
    values = [first_number(r[2]) for r in page.evaluate(ROWS)]
    assert values == sorted(known, reverse=True) + [None] * (len(values) - len(known))
    assert dict(page.evaluate(HEADERS))["Nulmeting"] == "descending"
    assert page.evaluate(STATUS) == "Gesorteerd op Nulmeting, aflopend."

    tab_to(page, "Indicator", "Shift+Tab")  # back to the first header
    page.keyboard.press("Enter")
    ids = [r[0].split()[0] for r in page.evaluate(ROWS)]
    assert ids == sorted(ids, key=lambda i: (int(re.match(r"\d+", i).group()), i))  # 1a, 1b, 2a, ... as in Dutch order
    headers = dict(page.evaluate(HEADERS))
    assert headers["Indicator"] == "ascending" and headers["Nulmeting"] is None
    assert run_axe(page) == []


def test_without_javascript_the_table_stays_as_built(browser, server):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    view = context.new_page()
    view.goto(server("flagship") + "indicatoren/")
    assert view.locator(f"{TABLE} button").count() == 0
    assert view.locator(f"{TABLE} th[aria-sort]").count() == 0
    first = view.locator(f"{TABLE} tbody tr th").first.text_content()
    assert first.startswith("1a")
    context.close()


def test_which_tables_sort_and_a_total_stays_last(server, page):  # noqa: F811
    page.goto(server("flagship") + "themas/meerjarenstrategie/")
    counts = page.evaluate("""() => Array.from(document.querySelectorAll('table.kw-table')).map(t =>
        [t.className, t.tBodies[0].rows.length, t.querySelectorAll('thead button.kw-sort').length])""")
    per_college = [c for c in counts if "kw-data-table" in c[0] and c[1] >= 5]
    assert per_college and all(c[2] > 0 for c in per_college)  # tables with a row per college
    assert all(c[2] == 0 for c in counts if c[1] < 5 or "kw-card" in c[0] or "kw-chart-data" in c[0])

    page.goto(server("flagship") + "themas/kwetsbare-jongeren/")
    table = page.locator("table[data-kw-sortable]:has(tbody tr:last-child th:text-is('Totaal ROCvAF'))").first
    button = table.locator("thead button.kw-sort").nth(1)
    button.click()
    button.click()  # descending
    labels = table.locator("tbody tr th").all_text_contents()
    assert labels[-1] == "Totaal ROCvAF" and len(labels) > 5
    assert table.locator("thead th").nth(1).get_attribute("aria-sort") == "descending"

    page.goto(server("noorderpoort") + "activiteiten/")  # subtotals per theme between the rows: order kept
    assert page.locator("table.kw-activities tbody th", has_text="Totaal").count() > 1
    assert page.locator("table.kw-activities button.kw-sort").count() == 0
