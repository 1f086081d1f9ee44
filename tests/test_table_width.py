"""No table is wider than its column (#15 part 2): on every generated page (made from data/, not written in
content/) of the three sites and of a new site with realisations (the `kwsite new` scaffold: count tables,
college comparisons), at 1280, 1440 and 1920 CSS px, each table's scroll container (its ``.kw-table-wrap``
region, else the table) has ``scrollWidth <= clientWidth``. A table may scroll only when that wrapper shows a
visible cue: the class ``kw-wide`` that ``assets/kwsite-wide.js`` gives it (words above the table, #17),
generated content before or after it (``::before``/``::after``), or a visible element in it whose text
says so ("schuif", "scroll"). The scroll shadows alone do not count: every wrapper has them.

Chromium and the server are test_a11y's (one server, the site chosen by the host name)."""

import pytest
from click.testing import CliRunner

from pathlib import Path

from conftest import ROOT, mkdocs_build
from kwsite.cli import main
from test_a11y import browser, server, urls  # noqa: F401 (fixtures)

WIDTHS = (1280, 1440, 1920)
CONTENT = {
    "flagship": ROOT / "content",
    "noorderpoort": ROOT / "examples/noorderpoort/content",
    "clusius": ROOT / "examples/clusius/content",
}

OVERFLOWING = """() => {
  const out = [];
  document.querySelectorAll('article table').forEach((table, i) => {
    const wrap = table.closest('.kw-table-wrap') || table.parentElement;
    const box = wrap.scrollWidth > wrap.clientWidth + 1 ? wrap : table;
    const over = box.scrollWidth - box.clientWidth;
    if (over <= 1 && table.getBoundingClientRect().width <= wrap.getBoundingClientRect().width + 1) return;
    const cue = wrap.classList.contains('kw-wide')
      || ['::after', '::before'].some(p => !['none', 'normal', '""'].includes(getComputedStyle(wrap, p).content))
      || [...wrap.querySelectorAll(':not(table) *, :scope > :not(table)')].some(
           e => !e.closest('table') && /schuif|scroll/i.test(e.textContent) && e.checkVisibility());
    if (!cue) out.push(`tabel ${i + 1} (${(table.querySelector('caption') || {}).textContent || ''}): ${over} px te breed`);
  });
  return out;
}"""


def written(content: Path) -> set[str]:
    """URL paths of the hand-written pages of a docs folder (``index.md`` → ``""``, ``a/b.md`` → ``a/b/``)."""
    out = set()
    for path in content.rglob("*.md"):
        rel = path.relative_to(content).as_posix().removesuffix(".md")
        out.add("" if rel == "index" else rel.removesuffix("/index").removesuffix("index") + "/")
    return out


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    """A new site (`kwsite new`) built once: the fictional Voorbeeld-ROC with realisations for two years."""
    target = tmp_path_factory.mktemp("demo") / "nieuw"
    assert CliRunner().invoke(main, ["new", str(target)]).exit_code == 0
    proc = mkdocs_build(target, "--strict")
    assert proc.returncode == 0, proc.stderr[-3000:]
    return target / "site"


@pytest.fixture(scope="module")
def sites(flagship_site, noorderpoort_site, clusius_site, demo_site):
    """Site name → its build, for test_a11y's server: the three sites and the demo."""
    return {"flagship": flagship_site, "noorderpoort": noorderpoort_site, "clusius": clusius_site, "demo": demo_site}


@pytest.mark.parametrize("width", WIDTHS)
def test_no_table_is_wider_than_its_column(sites, server, browser, width):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    page = context.new_page()
    problems = []
    for name, root in sites.items():
        hand = written(CONTENT[name] if name in CONTENT else root.parent / "content")
        for path in urls(root):
            if path.startswith("bestaat-niet") or path in hand:
                continue
            page.goto(server(name) + path)
            problems += [f"{name}/{path}: {p}" for p in page.evaluate(OVERFLOWING)]
    context.close()
    assert problems == [], "\n".join(problems)


def test_the_check_bites_on_a_wide_table(server, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server("flagship"))
    page.evaluate("""() => { const wrap = document.createElement('div'); wrap.className = 'kw-table-wrap';
      wrap.innerHTML = '<table><caption>breed</caption><tr><td>' + 'x'.repeat(400) + '</td></tr></table>';
      document.querySelector('article').appendChild(wrap); }""")
    found = page.evaluate(OVERFLOWING)
    context.close()
    assert len(found) == 1 and found[0].startswith("tabel") and "breed" in found[0]
