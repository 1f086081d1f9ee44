"""#17 item 2: no table wider than its column at 1280 px without a visible cue (Chromium).

Every table sits in a scrolling region (kwsite/regions.py); a region whose table is wider than it
shows words above the table ("schuif →", assets/kwsite-wide.js) and a shadow at the hidden side
(kwsite.css). Checked on every page of the flagship; the budget page's "Additionele middelen" table
is the known wide one at 1280 px.
"""

from test_a11y import ARTIFACTS, axe_source, browser, page, urls  # noqa: F401
from test_search_offline import flagship  # noqa: F401

OVERFLOWS = """() => [...document.querySelectorAll('.md-content table')].map(t => {
  const box = t.closest('.kw-table-wrap') || t.parentElement;
  const cue = getComputedStyle(box, '::before');
  return {name: box.getAttribute('aria-label') || t.textContent.slice(0, 40), wide: box.scrollWidth - box.clientWidth,
          region: box.classList.contains('kw-table-wrap'), cue: cue.display !== 'none' ? cue.content : 'none',
          shadow: getComputedStyle(box).backgroundImage.includes('radial-gradient'),
          column: document.querySelector('.md-content__inner').getBoundingClientRect().right - t.getBoundingClientRect().right};
})"""


def test_every_wide_table_shows_a_cue_at_1280_px(flagship, page):  # noqa: F811
    site, url = flagship
    seen_wide = []
    for path in urls(site):
        if path.endswith("bestaat-niet/"):
            continue
        page.goto(url + path)
        for table in page.evaluate(OVERFLOWS):
            assert table["region"], (path, table)  # every table scrolls in its own region, not the page
            if table["wide"] > 1:
                seen_wide.append((path, table["name"]))
                assert "schuif \u2192 voor meer kolommen" in table["cue"], (path, table)
                assert table["shadow"], (path, table)
            else:
                assert table["cue"] == "none", (path, table)  # no cue on a table that fits
    assert ("begroting/", "Additionele middelen voor de landelijke thema's") in seen_wide, seen_wide


def test_the_cue_is_words_above_the_table_and_follows_the_scroll(flagship, page):  # noqa: F811
    site, url = flagship
    page.goto(url + "begroting/")
    region = page.locator(".kw-table-wrap[aria-label^='Additionele middelen']")
    region.scroll_into_view_if_needed()
    box, table = region.bounding_box(), region.locator("table").bounding_box()
    assert table["y"] - box["y"] > 12  # the line of words takes room above the table
    page.screenshot(path=str(ARTIFACTS / "flagship-budget-wide-table-1280px.png"))
    region.evaluate("w => { w.scrollLeft = w.scrollWidth; w.dispatchEvent(new Event('scroll')); }")
    page.wait_for_function(
        "() => document.querySelector(\".kw-table-wrap[aria-label^='Additionele']\").classList.contains('kw-wide-end')"
    )
    cue = region.evaluate("w => getComputedStyle(w, '::before').content")
    assert "schuif terug" in cue, cue
