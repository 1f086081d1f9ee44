"""kwsite.regions: every table ends up in one named, focusable region; nothing else changes."""

from kwsite.regions import scroll_regions

H2 = '<h2 id="werkgebied">4.1 Werkgebied &amp; regio<a class="headerlink" href="#werkgebied" title="Permanent link">&para;</a></h2>'
REGION = '<div class="kw-table-wrap" role="region" tabindex="0" aria-label="{}">'


def test_markdown_table_is_wrapped_and_named_after_the_heading_above():
    html = H2 + '<p>Tekst.</p>\n<table>\n<thead><tr><th scope="col">a</th></tr></thead></table>\n<p>Na.</p>'
    out = scroll_regions(html)
    assert out == (
        H2
        + "<p>Tekst.</p>\n"
        + REGION.format("Tabel bij 4.1 Werkgebied &amp; regio")
        + '<table>\n<thead><tr><th scope="col">a</th></tr></thead></table></div>\n<p>Na.</p>'
    )


def test_second_table_under_a_heading_is_numbered_and_a_caption_wins():
    html = H2 + '<table></table><table><caption>Aantal "studenten"</caption></table><table></table>'
    out = scroll_regions(html)
    assert out.count('role="region"') == 3
    assert 'aria-label="Tabel bij 4.1 Werkgebied &amp; regio"' in out
    assert 'aria-label="Aantal &quot;studenten&quot;"' in out
    assert 'aria-label="Tabel 3 bij 4.1 Werkgebied &amp; regio"' in out


def test_without_a_heading_the_table_is_numbered_on_the_page():
    assert scroll_regions("<table></table>") == REGION.format("Tabel 1") + "<table></table></div>"


def test_named_regions_are_kept_and_bare_wrappers_get_the_attributes():
    named = '<div class="kw-table-wrap" role="region" aria-label="Budget" tabindex="0"><table class="kw-table"></table></div>'
    bare = '<h4>Doel</h4><div class="kw-table-wrap"><table class="kw-table kw-line"><tbody></tbody></table></div>'
    assert scroll_regions(named) == named
    assert scroll_regions(bare) == (
        "<h4>Doel</h4>"
        + REGION.format("Tabel bij Doel")
        + '<table class="kw-table kw-line"><tbody></tbody></table></div>'
    )


def test_nested_tables_sit_in_the_outer_region_only():
    html = "<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table><p>na</p>"
    out = scroll_regions(html)
    assert out.count("<div") == 1 and out.endswith("</table></div><p>na</p>")


def test_a_page_without_tables_is_unchanged_and_the_pass_is_idempotent():
    page = H2 + "<p>Geen tabel.</p><details><summary>Tabel bij de grafiek</summary></details>"
    assert scroll_regions(page) == page
    once = scroll_regions(H2 + "<table></table>")
    assert scroll_regions(once) == once


CHART = '<p><img alt="Lijngrafiek 1a IBM. ROCvA+F van 2015 tot en met 2017; laatste waarde 6,7 (2017)." class="kw-chart" src="../../grafieken/indicator-1a.svg"></p>'


def test_a_chart_is_a_region_named_after_the_start_of_its_alt_text_and_the_pass_is_idempotent():
    out = scroll_regions(H2 + CHART + "<table></table>")
    assert out == (
        H2
        + '<div class="kw-chart-wrap" role="region" tabindex="0" aria-label="Grafiek: Lijngrafiek 1a IBM">'
        + CHART
        + "</div>"
        + REGION.format("Tabel bij 4.1 Werkgebied &amp; regio")
        + "<table></table></div>"
    )
    assert scroll_regions(out) == out


def test_chart_names_stop_at_a_colon_are_cut_at_a_word_and_an_image_in_a_table_stays_put():
    bar = '<p><img alt="Staafdiagram Interne benchmark, 2017: 12 rijen." class="kw-chart" src="b.svg"></p>'
    assert 'aria-label="Grafiek: Staafdiagram Interne benchmark, 2017"' in scroll_regions(bar)
    long = '<p><img alt="' + "woord " * 30 + '" class="kw-chart" src="c.svg"></p>'
    assert 'aria-label="Grafiek: ' + "woord " * 12 + 'woord …"' in scroll_regions(long)
    in_table = "<table><tr><td>" + bar + "</td></tr></table>"
    assert scroll_regions(in_table).count('role="region"') == 1  # the table's region only
    plain_image = '<p><img alt="Logo" src="logo.svg"></p>'
    assert scroll_regions(plain_image) == plain_image
