"""Accessibility in a real browser, on every page of the three sites.

- axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on **every** HTML page of the flagship,
  examples/noorderpoort and examples/clusius at 1280 CSS px, and on one page of every kind
  (:data:`KINDS`) at 390 px; any violation fails. The same visit checks that the page does not
  scroll sideways and that every element the keyboard can reach shows a visible focus. At 390 px
  every page is still checked for sideways scrolling. Why one page per kind suffices there: what
  axe checks on a page's content (names, labels, ids, ARIA, headings, contrast of the text colours)
  is the same at every width and is checked on every page at 1280 px; what changes with the width
  is the layout (drawer instead of sidebars, which elements show, target sizes, what scrolls), and
  that comes from the page's template and the style sheet, which all pages of a kind share. What
  content can still do at a narrow width — be too wide (a long word, a wide table) — is the
  sideways check, on every page; a wide table scrolls in a region that is focusable on every page
  by construction (:mod:`kwsite.regions`).
- Reflow (WCAG 1.4.10) at 320 CSS px, and text spacing (1.4.12) at 320 and 1280 px, on one
  page of each kind; a keyboard walk of one page of each kind reaches every link, table region
  and "Tabel bij de grafiek" toggle of the content, in order.
- The checks bite: a fixture page with a wide table that the keyboard cannot reach fails.

Chromium is Debian's (``/usr/bin/chromium``, or ``$KWSITE_CHROMIUM``), driven by Playwright's
Python package; axe-core 4.14.1 is vendored in ``tests/axe/`` (no download at test time).
Each site is built once per session (conftest), one stdlib server serves all of them (the
site is chosen by the host name: ``http://flagship.localhost:<port>/``, so each is at its
root as when published and its 404 page works), one browser visits each page once per width.
A screenshot of one page of each kind goes to ``test-artifacts/a11y/``.
"""

import hashlib
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT
from kwsite.regions import scroll_regions

playwright_sync = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")

CHROMIUM = os.environ.get("KWSITE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).with_name("axe") / "axe.min.js"
AXE_VERSION = "4.14.1"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
WIDTHS = (1280, 390)
ARTIFACTS = ROOT / "test-artifacts" / "a11y"
FIXTURES = Path(__file__).parent / "fixtures" / "a11y"
MISSING = "bestaat-niet/"
"""A URL no site has: the server answers it with the site's 404.html, as a host would."""

KINDS = {
    ("flagship", ""): "home",
    ("flagship", "hoofdstukken/06-meerjarenstrategie/"): "chapter",
    ("flagship", "hoofdstukken/05-verbonden-met-de-regio/"): "chapter-with-table",
    ("flagship", "themas/meerjarenstrategie/"): "theme",
    ("flagship", "themas/"): "themes-index",
    ("flagship", "indicatoren/"): "indicators",
    ("flagship", "colleges/amstelland/"): "college",
    ("flagship", "begroting/"): "budget",
    ("flagship", "open-data/"): "open-data",
    ("flagship", "wijzigingen/"): "changes",
    ("flagship", "toegankelijkheid/"): "accessibility",
    ("flagship", MISSING): "404",
    ("clusius", "lijnen/vmbo-hoorn/"): "lines",
    ("clusius", "lijnen/"): "lines-index",
    ("clusius", "verbeterplannen/oudercommunicatie-hoorn/"): "improvement-plan",
    ("clusius", "verbeterplannen/leidraad/"): "plan-reference",
    ("noorderpoort", "themas/kwetsbare-jongeren/"): "theme-with-baseline-and-activities",
    ("noorderpoort", "themas/onderwijslogistiek/"): "precondition",
    ("noorderpoort", "activiteiten/"): "activities",
    ("noorderpoort", "proces/"): "timeline",
    ("noorderpoort", "hoofdstukken/05-ontwikkelingen-noorderpoort/"): "chapter-with-tables",
}
"""(site, URL path) → kind: one page of every template the sites have (and of hand-written pages with tables)."""


def urls(site_dir: Path) -> list[str]:
    """The URL path of every HTML page in a built site (``404.html`` as :data:`MISSING`)."""
    out = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        out.append(MISSING if rel == "404.html" else rel.removesuffix("index.html"))
    return out


class _Sites(http.server.SimpleHTTPRequestHandler):
    """Serves the site named by the first label of the host name; a missing page gets that site's 404.html."""

    roots: dict[str, Path] = {}

    def _root(self) -> Path:
        return self.roots.get(self.headers.get("Host", "").split(".")[0], FIXTURES)

    def translate_path(self, path):
        self.directory = str(self._root())
        return super().translate_path(path)

    def send_error(self, code, message=None, explain=None):
        page = self._root() / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def sites(flagship_site, noorderpoort_site, clusius_site):
    """Site name → its build (session fixtures: each site is built once)."""
    return {"flagship": flagship_site, "noorderpoort": noorderpoort_site, "clusius": clusius_site}


@pytest.fixture(scope="module")
def server(sites):
    """``site name → base URL``: one threaded stdlib server on 127.0.0.1 for all sites and the fixtures."""
    handler = type("Handler", (_Sites,), {"roots": dict(sites)})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    port = httpd.server_address[1]
    yield lambda name: f"http://{name}.localhost:{port}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def axe_source():
    source = AXE.read_bytes()
    assert hashlib.sha256(source).hexdigest() == AXE_SHA256, "tests/axe/axe.min.js is not the vendored axe-core"
    assert source.startswith(f"/*! axe v{AXE_VERSION}".encode())
    return source.decode("utf-8")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: install Debian's chromium (scripts/setup-system)")
    with playwright_sync.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, axe_source):
    """A fresh tab at 1280 px; axe-core is loaded into every document it opens."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.add_init_script(axe_source)
    yield context.new_page()
    context.close()


def visit(page, url: str) -> None:
    response = page.goto(url)
    expected = 404 if url.endswith(MISSING) else 200
    assert response.status == expected, (url, response.status)


def run_axe(page) -> list[dict]:
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(r => r.violations)",
        TAGS,
    )


def describe(violations: list[dict]) -> str:
    return "; ".join(f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:5]]}" for v in violations)


SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
"""How many CSS px the page is wider than the window (Material clips it: html {overflow-x: hidden})."""

NAME = """el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
  + (el.getAttribute('href') ? '[href=' + el.getAttribute('href') + ']' : '')
  + (el.getAttribute('aria-label') ? '[' + el.getAttribute('aria-label').slice(0, 60) + ']' : '')
  + (el.tagName === 'SUMMARY' ? '[' + el.textContent.trim() + ']' : '')"""

FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"

FOCUS_SHOWN = f"""() => {{
  const name = {NAME};
  const bad = [];
  for (const el of document.querySelectorAll("{FOCUSABLE}")) {{
    if (el.disabled || !el.checkVisibility({{visibilityProperty: true, opacityProperty: true}})) continue;
    el.focus({{preventScroll: true}});
    if (document.activeElement !== el) continue;
    const s = getComputedStyle(el);
    const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    if (!el.matches(':focus-visible') || !(ring || s.boxShadow !== 'none')) bad.push(name(el));
  }}
  document.activeElement.blur();
  return bad;
}}"""
"""Every element the keyboard can reach and the reader can see: focused, it shows an outline or a shadow."""


def check_page(page, url: str) -> list[str]:
    """axe violations, sideways scrolling and invisible focus of the page at ``url``, as messages."""
    visit(page, url)
    problems = []
    violations = run_axe(page)
    if violations:
        problems.append(f"axe: {describe(violations)}")
    wider = page.evaluate(SIDEWAYS)
    if wider > 0:
        problems.append(f"page scrolls sideways by {wider}px")
    page.keyboard.press("Tab")  # keyboard use: script focus then shows the focus ring (:focus-visible)
    unseen = page.evaluate(FOCUS_SHOWN)
    if unseen:
        problems.append(f"focus not visible on {unseen[:5]}")
    return problems


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("site", ["flagship", "noorderpoort", "clusius"])
def test_every_page_passes_axe_at_both_widths(sites, server, page, site, width):
    """Each page visited once per width. At 1280 px every page: axe (WCAG 2.0-2.2 A/AA), no sideways page,
    visible focus. At 390 px the same for one page of each kind, and no sideways page for every page
    (why: the module's docstring)."""
    page.set_viewport_size({"width": width, "height": 900})
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    failures, full = [], 0
    for url in urls(sites[site]):
        if width == WIDTHS[0] or (site, url) in KINDS:
            problems = check_page(page, server(site) + url)
            full += 1
        else:
            visit(page, server(site) + url)
            wider = page.evaluate(SIDEWAYS)
            problems = [f"page scrolls sideways by {wider}px"] if wider > 0 else []
        if (site, url) in KINDS:
            page.screenshot(path=str(ARTIFACTS / f"{site}-{KINDS[site, url]}-{width}px.png"), full_page=width < 1000)
        failures += [f"{site}/{url} at {width}px: {p}" for p in problems]
    kinds = sum(1 for s, _ in KINDS if s == site)
    assert full == (len(urls(sites[site])) if width == WIDTHS[0] else kinds)
    assert failures == [], "\n".join(failures)


def test_every_page_is_checked(sites):
    """The list of pages comes from the build, so a new page is checked without editing this file."""
    assert "hoofdstukken/05-verbonden-met-de-regio/" in urls(sites["flagship"])
    assert "lijnen/vmbo-hoorn/" in urls(sites["clusius"])
    assert MISSING in urls(sites["noorderpoort"])
    for site, url in KINDS:
        assert url in urls(sites[site]), (site, url)


def test_hand_written_tables_are_named_keyboard_regions(sites, server, page):
    """A Markdown table: at build time inside a named, focusable region; Material's script wraps it again,
    but the region is what scrolls (at 390 px this wide table needs it)."""
    html = (sites["flagship"] / "hoofdstukken/05-verbonden-met-de-regio/index.html").read_text(encoding="utf-8")
    assert (
        '<div class="kw-table-wrap" role="region" tabindex="0" aria-label="Tabel bij 5.6 Samenwerking binnen '
        'PPS via Regionaal Investeringsfonds"><table>'
    ) in html
    page.set_viewport_size({"width": 390, "height": 900})
    visit(page, server("flagship") + "hoofdstukken/05-verbonden-met-de-regio/")
    state = page.evaluate("""() => {
      const region = document.querySelector('.kw-table-wrap[aria-label^="Tabel bij 5.6"]');
      const inner = region.querySelector('.md-typeset__scrollwrap');
      const overflow = el => getComputedStyle(el).overflowX;
      return {material: !!inner, scrolls: region.scrollWidth > region.clientWidth, region: overflow(region),
              inner: overflow(inner), table: overflow(region.querySelector('table'))};
    }""")
    assert state == {"material": True, "scrolls": True, "region": "auto", "inner": "visible", "table": "visible"}, state
    assert page.evaluate(SIDEWAYS) <= 0
    page.focus('.kw-table-wrap[aria-label^="Tabel bij 5.6"]')
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(400)  # the scroll is animated
    assert page.evaluate("() => document.activeElement.scrollLeft") > 0  # the keyboard scrolls it


def test_table_regions_work_without_javascript(server, browser):
    """Without Material's script (no runtime wrapper) the region from the build is the one that scrolls."""
    context = browser.new_context(viewport={"width": 390, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    visit(page, server("flagship") + "hoofdstukken/05-verbonden-met-de-regio/")
    state = page.evaluate("""() => {
      const region = document.querySelector('.kw-table-wrap[aria-label^="Tabel bij 5.6"]');
      return [!!document.querySelector('.md-typeset__scrollwrap'), region.tabIndex, getComputedStyle(region).overflowX,
              region.scrollWidth > region.clientWidth, getComputedStyle(region.querySelector('table')).overflowX];
    }""")
    sideways = page.evaluate(SIDEWAYS)
    context.close()
    assert state == [False, 0, "auto", True, "visible"], state
    assert sideways <= 0


def test_the_check_fails_on_a_wide_table_the_keyboard_cannot_reach(server, page):
    """The fixture page has a wide table in a box that scrolls but takes no focus: axe must fail it at 390 px
    (and the page must not count as scrolling sideways: the box scrolls). Passed through the build's region
    pass, the same table passes."""
    page.set_viewport_size({"width": 390, "height": 900})
    problems = check_page(page, server("fixture") + "wide-table.html")
    assert len(problems) == 1 and problems[0].startswith("axe: scrollable-region-focusable (serious)"), problems
    fixed = scroll_regions(
        (FIXTURES / "wide-table.html").read_text(encoding="utf-8").replace('<div class="scroll">', "<div>")
    )
    page.set_content(fixed)
    assert run_axe(page) == []
    assert page.evaluate("() => document.querySelector('.kw-table-wrap').scrollWidth > 390")


def test_the_reflow_check_fails_on_a_page_wider_than_the_window(server, page):
    page.set_viewport_size({"width": 320, "height": 800})
    visit(page, server("fixture") + "too-wide.html")
    assert page.evaluate(SIDEWAYS) > 0


TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)
"""WCAG 1.4.12's test values (the W3C/Steve Faulkner text-spacing bookmarklet)."""

SPILLS = """() => {
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + [...el.classList].join('.');
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const s = getComputedStyle(el);
    if (!el.checkVisibility() || s.display.startsWith('inline') || el.clientHeight === 0) continue;
    if (/(auto|scroll)/.test(s.overflowX + s.overflowY) || el.closest('.kw-sr-only, .md-search, .md-sidebar, .md-skip')) continue;
    if (el.scrollHeight > el.clientHeight + 2 || (s.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 2))
      out.push(name(el));
  }
  return out;
}"""
"""Boxes whose text runs out of them (clipped, or over what follows); scroll boxes and hidden navs aside."""


def spills_under_text_spacing(page) -> list[str]:
    """What text spacing cuts off once the page has settled: read after two frames, then again every 0,1 s
    until two readings agree (at most 2 s). One reading after 50 ms saw Material's main grid spill on a
    busy machine while its scripts were still laying out the taller page (failed in 2 of 4 runs here)."""
    before = set(page.evaluate(SPILLS))
    page.add_style_tag(content=TEXT_SPACING)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    last = sorted(set(page.evaluate(SPILLS)) - before)
    for _ in range(20):
        page.wait_for_timeout(100)
        now = sorted(set(page.evaluate(SPILLS)) - before)
        if now == last:
            break
        last = now
    return last


def test_the_text_spacing_check_fails_on_text_cut_off_by_a_fixed_height(server, page):
    visit(page, server("fixture") + "clipped.html")
    assert spills_under_text_spacing(page) == ["div.box"]


REFLOW_ESCAPES = """() => {
  const w = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.md-content a[href], .md-content img, .md-content p, .md-content h1')]
    .filter(el => el.checkVisibility() && !el.closest('.kw-table-wrap, .kw-chart-wrap, details:not([open])'))
    .filter(el => { const r = el.getBoundingClientRect(); return r.left < -1 || r.right > w + 1; })
    .map(el => el.outerHTML.slice(0, 120));
}"""
"""Content outside a table region that does not fit the window's width (links, images, text)."""

CHART_TEXT = """async () => Promise.all([...document.querySelectorAll('img.kw-chart')].map(async img => {
  const svg = new DOMParser().parseFromString(await (await fetch(img.src)).text(), 'image/svg+xml');
  const units = svg.documentElement.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(t.style.fontSize));
  return {src: img.getAttribute('src'), px: Math.min(...sizes) * img.getBoundingClientRect().width / units,
          texts: sizes.length};
}))"""
"""Per chart on the page: its smallest text in CSS px as shown (the SVG's smallest ``<text>`` font size, in
viewBox units, times the image's rendered width over the viewBox width) and how many texts it has."""


@pytest.mark.parametrize("kind", sorted(set(KINDS.values())))
def test_reflow_and_text_spacing_at_320_px(server, page, kind):
    """WCAG 1.4.10 at 320 CSS px (= 1280 px at 400 % zoom), and 1.4.12 there (at 1280 px: the keyboard walk)."""
    site, url = next(k for k, v in KINDS.items() if v == kind)
    page.set_viewport_size({"width": 320, "height": 800})
    visit(page, server(site) + url)
    assert page.evaluate(SIDEWAYS) <= 0
    assert page.evaluate(REFLOW_ESCAPES) == []
    charts = page.evaluate(CHART_TEXT)  # charts keep a legible size: they scroll in their region instead
    assert all(c["texts"] > 3 and c["px"] >= 9 for c in charts), charts
    # the navigation opens and its links fit the window
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_timeout(300)  # the drawer and the active section's panel slide in: wait until they stand still
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')", timeout=10000)
    nav = page.evaluate("""() => {
      const drawer = document.querySelector('.md-sidebar--primary').getBoundingClientRect();
      return [...document.querySelectorAll('.md-nav--primary .md-nav__link')]
        .map(a => [a.getBoundingClientRect(), a.textContent.trim(), a.matches('.md-nav__link--active')])
        .filter(([r]) => r.width > 0 && r.right > drawer.left && r.left < drawer.right)  // other panels slide in
        .map(([r, text, active]) => [r.left >= 0 && r.right <= Math.min(drawer.right, 320), text, active]); }""")
    assert len(nav) >= 3 and all(fits for fits, _, _ in nav), nav
    assert kind == "404" or any(active for _, _, active in nav), nav  # the current page is in the open panel
    page.keyboard.press("Escape")
    visit(page, server(site) + url)
    if kind != "404":
        assert page.locator(".kw-pdf a").count() == 1  # the PDF link is on the page …
        box = page.locator(".kw-pdf a").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320  # … and fits the window
    spills = spills_under_text_spacing(page)
    assert spills == [], spills
    assert page.evaluate(SIDEWAYS) <= 0
    page.screenshot(path=str(ARTIFACTS / f"{site}-{kind}-320px-text-spacing.png"), full_page=True)


WALK = f"""() => {{
  const name = {NAME};
  window.__walk = [];
  document.addEventListener('focusin', e => window.__walk.push([name(e.target), !!e.target.closest('.md-content')]));
  const start = document.querySelector('.md-content h1') || document.querySelector('.md-content');
  return [...document.querySelectorAll(`.md-content :is({FOCUSABLE})`)]
    .filter(el => el.checkVisibility({{visibilityProperty: true}}) && !el.closest('details:not([open]) > :not(summary)'))
    .filter(el => start.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
    .map(name);
}}"""
"""Sets up a record of every focus move; returns the keyboard stops the content has after its heading."""


@pytest.mark.parametrize("kind", sorted(set(KINDS.values())))
def test_keyboard_walk_reaches_everything_in_order(server, page, kind):
    """Skip link, then Tab through the content: every link, table region and data-table toggle, in order.
    First, at this width (1280 px), text spacing (WCAG 1.4.12) cuts nothing off."""
    site, url = next(k for k, v in KINDS.items() if v == kind)
    visit(page, server(site) + url)
    spills = spills_under_text_spacing(page)
    assert spills == [], spills
    page.keyboard.press("Tab")
    skip_link = page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    assert skip_link or kind == "404"  # Material's 404 page has no skip link
    if skip_link:
        page.keyboard.press("Enter")  # jumps past header and navigation
    expected = page.evaluate(WALK)
    left = "() => { const w = window.__walk; const i = w.findIndex(s => s[1]); return i >= 0 && w.slice(i).some(s => !s[1]); }"
    for _ in range(len(expected) + 1 if skip_link else 200):
        page.keyboard.press("Tab")
        if not skip_link and page.evaluate(left):
            break
    walk = page.evaluate("() => window.__walk")
    start = next(i for i, (_, in_content) in enumerate(walk) if in_content)
    assert [n for n, _ in walk[start : start + len(expected)]] == expected
    after = walk[start + len(expected) :]
    assert not after or after[0][1] is False  # after the content the focus leaves it (or the document)
    if kind in ("theme", "theme-with-baseline-and-activities"):  # pages with a chart
        assert any(n.startswith("summary[Tabel bij de grafiek") for n in expected), expected
    if kind in ("theme", "college", "lines", "chapter-with-table", "chapter-with-tables", "activities"):
        assert any(n.startswith("div[") for n in expected), expected  # a table region is a stop
    if kind in ("theme", "college"):  # a chart region is a stop, right before its data (toggle or table region)
        charts = [i for i, n in enumerate(expected) if n.startswith("div[Grafiek: ")]
        assert charts, expected
        for i in charts:
            following = expected[i + 1]
            assert following.startswith(("summary[Tabel bij de grafiek", "div[")), expected[i : i + 2]
            assert not following.startswith("div[Grafiek: "), expected[i : i + 2]


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("kind", ["theme", "college"])
def test_charts_stay_legible_and_scroll_in_a_named_region(server, page, kind, width):
    """WCAG 1.4.10 on a phone: a chart does not shrink its text below 9 px (at 1280 px it is 10,7 px); it scrolls
    sideways inside a named region the keyboard reaches and scrolls, and the page itself does not scroll."""
    site, url = next(k for k, v in KINDS.items() if v == kind)
    page.set_viewport_size({"width": width, "height": 800})
    visit(page, server(site) + url)
    charts = page.evaluate(CHART_TEXT)
    assert charts and all(c["texts"] > 3 and 9 <= c["px"] < 9.2 for c in charts), charts  # minimum width, no more
    assert page.evaluate(SIDEWAYS) <= 0
    regions = page.evaluate("""() => [...document.querySelectorAll('.kw-chart-wrap')].map(r => [r.getAttribute('role'),
      r.tabIndex, r.getAttribute('aria-label'), getComputedStyle(r).overflowX, r.scrollWidth > r.clientWidth,
      r.getBoundingClientRect().right <= document.documentElement.clientWidth, r.querySelectorAll('img.kw-chart').length])""")
    assert len(regions) == len(charts), regions
    for role, tabindex, label, overflow, scrolls, fits, images in regions:
        assert (role, tabindex, overflow, scrolls, fits, images) == ("region", 0, "auto", True, True, 1), regions
        assert label.startswith("Grafiek: ") and len(label) > len("Grafiek: ") + 5, label
    cues = page.evaluate(
        "() => [...document.querySelectorAll('.kw-chart-wrap')].map(r => getComputedStyle(r, '::before').content)"
    )
    assert all("schuif \u2192 voor de hele grafiek" in c for c in cues), cues  # words, not only a cut-off edge
    page.focus(".kw-chart-wrap")  # Tab reaches it (the keyboard walk); the arrow keys scroll it
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(400)  # the scroll is animated
    assert page.evaluate("() => document.activeElement.classList.contains('kw-chart-wrap')")
    assert page.evaluate("() => document.activeElement.scrollLeft") > 0
    page.screenshot(path=str(ARTIFACTS / f"{site}-{kind}-chart-{width}px.png"))


@pytest.mark.parametrize("width", [375])
def test_no_axe_violations_on_a_phone_and_with_search_open(server, page, width):
    """Narrow screen with the drawer open, and the search dialog with results."""
    page.set_viewport_size({"width": width, "height": 800})
    visit(page, server("flagship") + "themas/meerjarenstrategie/")
    page.click("label.md-header__button[for=__drawer]")  # the drawer opens on the current section's submenu
    page.wait_for_timeout(400)
    page.screenshot(path=str(ARTIFACTS / f"flagship-drawer-{width}px.png"))
    violations = run_axe(page)
    assert violations == [], describe(violations)
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, server("flagship"))
    page.keyboard.press("s")  # Material's search shortcut
    page.keyboard.type("superschool")
    page.wait_for_selector(".md-search-result__item")
    page.screenshot(path=str(ARTIFACTS / "flagship-search.png"))
    violations = run_axe(page)
    assert violations == [], describe(violations)


FOCUS_STYLE = """() => { const s = getComputedStyle(document.activeElement);
  return {outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none'}; }"""
IN_MAIN = "() => !!document.activeElement.closest('.md-content')"


def test_keyboard_skip_link_and_visible_focus(server, page):
    visit(page, server("flagship") + "themas/meerjarenstrategie/")
    page.keyboard.press("Tab")
    first = page.evaluate(
        "() => [document.activeElement.classList.contains('md-skip'), document.activeElement.textContent.trim()]"
    )
    assert first == [True, "Ga naar inhoud"], first
    box = page.locator(".md-skip").bounding_box()
    assert box and box["width"] > 20 and box["height"] > 10 and box["y"] >= 0  # shown on screen when focused
    style = page.evaluate(FOCUS_STYLE)
    assert style["outline"] or style["shadow"], style
    page.screenshot(path=str(ARTIFACTS / "flagship-keyboard-skip-link.png"))

    page.keyboard.press("Enter")  # jumps past header and navigation …
    assert page.evaluate("() => location.hash") == "#thema-1-meerjarenstrategie-elk-team-een-superschool"
    page.keyboard.press("Tab")  # … so the next stop is in the main content
    assert page.evaluate(IN_MAIN), page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")

    reached = set()
    for _ in range(40):  # tabbing on reaches the content's links, each with a visible focus
        info = page.evaluate(
            "() => [document.activeElement.tagName, document.activeElement.getAttribute('href') || '']"
        )
        if page.evaluate(IN_MAIN) and info[0] == "A":
            style = page.evaluate(FOCUS_STYLE)
            assert style["outline"] or style["shadow"], (info, style)
            reached.add(info[1])
        page.keyboard.press("Tab")
    assert "../../hoofdstukken/06-meerjarenstrategie/" in reached  # the link to the chapter
    assert any(h.endswith(".csv") for h in reached)  # and a download
