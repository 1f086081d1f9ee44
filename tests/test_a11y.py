"""Accessibility in a real browser: axe-core (WCAG 2.0/2.1 A and AA rules) on one page of
every template, and a keyboard walk through one page.

Chromium is Debian's (``/usr/bin/chromium``, or ``$KWSITE_CHROMIUM``), driven by Playwright's
Python package; axe-core is the ``axe.min.js`` that the pinned ``axe-playwright-python``
package ships (so ``pip install -e ".[test]"`` brings it; no browser or npm download).
A screenshot of every checked page goes to ``test-artifacts/a11y/``.

To check an example site, add its ``mkdocs.yml`` to SITES and its pages to PAGES.
"""

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT, build_site

playwright_sync = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")
import axe_playwright_python  # noqa: E402

CHROMIUM = os.environ.get("KWSITE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
AXE = Path(axe_playwright_python.__file__).with_name("axe.min.js")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTIFACTS = ROOT / "test-artifacts" / "a11y"

SITES = {"flagship": ROOT / "mkdocs.yml", "clusius": ROOT / "examples/clusius/mkdocs.yml"}
"""Site name → its mkdocs.yml."""
PAGES = [
    ("flagship", "home", ""),
    ("flagship", "chapter", "hoofdstukken/06-meerjarenstrategie/"),
    ("flagship", "chapter-with-table", "hoofdstukken/02-trends-in-de-regio/"),
    ("flagship", "theme", "themas/meerjarenstrategie/"),
    ("flagship", "indicators", "indicatoren/"),
    ("flagship", "college", "colleges/amstelland/"),
    ("flagship", "budget", "begroting/"),
    ("flagship", "open-data", "open-data/"),
    ("flagship", "accessibility", "toegankelijkheid/"),
    ("clusius", "home", ""),
    ("clusius", "lines", "lijnen/vmbo-hoorn/"),
    ("clusius", "lines-index", "lijnen/"),
    ("clusius", "improvement-plan", "verbeterplannen/oudercommunicatie-hoorn/"),
    ("clusius", "plan-reference", "verbeterplannen/leidraad/"),
    ("clusius", "open-data", "open-data/"),
]
"""(site, template, URL path): one page of every template each site has."""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def servers(tmp_path_factory, flagship_site):
    """Site name → base URL of its build, served by a threaded stdlib server on 127.0.0.1."""
    built = {"flagship": flagship_site}
    for name, config in SITES.items():
        if name not in built:
            built[name] = build_site(config, tmp_path_factory.mktemp(name) / "site")
    running, urls = [], {}
    for name, root in built.items():
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        running.append(server)
        urls[name] = f"http://127.0.0.1:{server.server_address[1]}/"
    yield urls
    for server in running:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: install Debian's chromium (scripts/setup-system)")
    with playwright_sync.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    yield context.new_page()
    context.close()


def run_axe(page) -> list[dict]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return result["violations"]


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:5]]}" for v in violations)


@pytest.mark.parametrize("site,template,url", PAGES, ids=[f"{s}-{t}" for s, t, _ in PAGES])
def test_no_axe_violations(servers, page, site, template, url):
    response = page.goto(servers[site] + url)
    assert response.ok, url
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{site}-{template}.png"), full_page=True)
    violations = run_axe(page)
    assert violations == [], f"{site} {url}:\n{describe(violations)}"


@pytest.mark.parametrize("width", [375])
def test_no_axe_violations_on_a_phone_and_with_search_open(servers, page, width):
    """Narrow screen (tables scroll sideways) and the search dialog with results."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(servers["flagship"] + "themas/meerjarenstrategie/")
    page.screenshot(path=str(ARTIFACTS / f"flagship-theme-{width}px.png"))
    assert run_axe(page) == []
    page.click("label.md-header__button[for=__drawer]")  # the drawer opens on the current section's submenu
    page.wait_for_timeout(400)
    page.screenshot(path=str(ARTIFACTS / f"flagship-drawer-{width}px.png"))
    violations = run_axe(page)
    assert violations == [], describe(violations)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(servers["flagship"])
    page.keyboard.press("s")  # Material's search shortcut
    page.keyboard.type("superschool")
    page.wait_for_selector(".md-search-result__item")
    page.screenshot(path=str(ARTIFACTS / "flagship-search.png"))
    violations = run_axe(page)
    assert violations == [], describe(violations)


FOCUS_STYLE = """() => { const s = getComputedStyle(document.activeElement);
  return {outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none'}; }"""
IN_MAIN = "() => !!document.activeElement.closest('.md-content')"


def test_keyboard_skip_link_and_visible_focus(servers, page):
    page.goto(servers["flagship"] + "themas/meerjarenstrategie/")
    page.keyboard.press("Tab")
    first = page.evaluate("() => [document.activeElement.classList.contains('md-skip'), document.activeElement.textContent.trim()]")
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
        info = page.evaluate("() => [document.activeElement.tagName, document.activeElement.getAttribute('href') || '']")
        if page.evaluate(IN_MAIN) and info[0] == "A":
            style = page.evaluate(FOCUS_STYLE)
            assert style["outline"] or style["shadow"], (info, style)
            reached.add(info[1])
        page.keyboard.press("Tab")
    assert "../../hoofdstukken/06-meerjarenstrategie/" in reached  # the link to the chapter
    assert any(h.endswith(".csv") for h in reached)  # and a download
