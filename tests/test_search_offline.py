"""Search in Chromium: Dutch words found without their diacritics (#17 item 8), and the offline
build (``kwsite build --offline``) opened from disk over ``file://`` (#17 item 1): links open
pages, not folder listings, and search returns results with nothing loaded from the network."""

import json

import pytest
from click.testing import CliRunner

from conftest import edit
from kwsite.cli import main
from kwsite.searchfold import fold, folded_words
from test_a11y import ARTIFACTS, _Sites, axe_source, browser, page  # noqa: F401


@pytest.fixture(scope="module")
def flagship(flagship_site):
    """``(site dir, base URL)``: the flagship served at the root of a local stdlib server."""
    import http.server
    import threading

    handler = type("Handler", (_Sites,), {"roots": {"flagship": flagship_site}})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield flagship_site, f"http://flagship.localhost:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_fold_takes_off_the_marks_only():
    assert fold("financiën oriëntatie ideeën café Curaçao") == "financien orientatie ideeen cafe Curacao"
    assert (
        folded_words("<p>De financiën en <b>ideeën</b>, weer financiën; geen euro.</p>", "Oriëntatie")
        == "financien ideeen orientatie"
    )
    assert folded_words("alleen gewone woorden") == ""


def search(page, url: str, word: str) -> list[str]:  # noqa: F811 (the page fixture)
    """Open ``url`` and type ``word`` into Material's search; the titles of the results (empty when none)."""
    page.goto(url)
    page.keyboard.press("s")
    # the whole word at once, then one keyup (Material searches on keyup): typed letter by letter, the results of
    # a shorter query ("Op") could still be on screen when the count appears on a busy machine
    page.locator("input.md-search__input").fill(word)
    page.keyboard.press("End")
    page.wait_for_function(
        "() => /overeenkomend/.test(document.querySelector('.md-search-result__meta')?.textContent || '')"
    )
    return page.locator(".md-search-result__item > .md-search-result__link h1").all_inner_texts()


@pytest.mark.parametrize(
    "plain, written", [("financien", "financiën"), ("orientatie", "oriëntatie"), ("ideeen", "ideeën")]
)
def test_dutch_search_finds_words_without_their_diacritics(flagship, page, plain, written):  # noqa: F811 (the page fixture)
    site, url = flagship
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["fields"]["folded"] == {"boost": 1.0} and index["config"]["fields"]["folded_title"] == {
        "boost": 1000.0
    }
    with_marks = {d["location"].split("#")[0] for d in index["docs"] if written in d["text"].lower()}
    assert with_marks, written  # the flagship's text has the word with its marks

    found_plain = search(page, url, plain)
    page.screenshot(path=str(ARTIFACTS / f"flagship-search-{plain}.png"))
    found_written = search(page, url, written)
    assert found_plain, f"'{plain}' finds nothing"
    assert sorted(found_plain) == sorted(found_written)  # the same pages, with or without the marks


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    """The mini site built with ``kwsite build --offline``, with a page that writes 'financiën'."""
    import shutil

    from conftest import MINI

    site = tmp_path_factory.mktemp("offline") / "mini"
    shutil.copytree(MINI, site)
    edit(site, "content/index.md", "De looptijd", "Over de financiën: de looptijd")
    result = CliRunner().invoke(main, ["build", str(site), "--offline"])
    assert result.exit_code == 0, result.output
    return site / "site"


def test_offline_build_has_file_urls_and_no_network(offline_site):
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'href="themas/index.html"' in home and 'href="themas/kern.html"' in home
    assert (offline_site / "themas" / "kern.html").is_file() and not (offline_site / "themas" / "kern").exists()
    assert '<script src="assets/vendor/iframe-worker/shim.js">' in home and "unpkg.com" not in home
    assert (offline_site / "assets" / "vendor" / "iframe-worker" / "shim.js").is_file()
    assert (offline_site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = {")
    # every relative link and source of every page (but the 404 page, which a server shows at any depth) is a file
    import re
    from urllib.parse import unquote

    broken = []
    for html in offline_site.rglob("*.html"):
        if html == offline_site / "404.html":
            continue
        for href in re.findall(r'(?:href|src)="([^"#?]+)', html.read_text(encoding="utf-8")):
            if (
                "://" not in href
                and not href.startswith(("mailto:", "data:", "//"))
                and not (html.parent / unquote(href)).resolve().is_file()
            ):
                broken.append(f"{html.relative_to(offline_site)}: {href}")
    assert broken == [], broken


def test_offline_site_works_from_disk_in_chromium(offline_site, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()  # noqa: F811
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto((offline_site / "index.html").as_uri())
    with page.expect_navigation():
        page.eval_on_selector("nav a[href='themas/index.html']", "a => a.click()")  # the nav link (in a closed section)
    assert page.url.endswith("/themas/index.html"), page.url
    assert page.locator("h1").first.inner_text() != "" and "Index of" not in page.content()
    with page.expect_navigation():
        page.locator("article a[href='kern.html']").first.click()
    assert page.url.endswith("/themas/kern.html") and "Index of" not in page.content()
    page.screenshot(path=str(ARTIFACTS / "offline-theme-1280px.png"))
    assert search(page, page.url, "financien") == ["Kwaliteitsagenda Mini"]
    assert search(page, page.url, "Opbouw") == ["Kwaliteitsagenda Mini"]
    page.screenshot(path=str(ARTIFACTS / "offline-search-1280px.png"))
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto((offline_site / "themas" / "kern.html").as_uri())
    page.screenshot(path=str(ARTIFACTS / "offline-theme-390px.png"))
    assert [u for u in asked if not u.startswith("file://")] == []
    context.close()
