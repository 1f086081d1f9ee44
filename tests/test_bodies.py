"""A page body's final HTML is kept in the chart cache (kwsite.bodies): the next build of the same HTML
reads exactly what the sanitizer and the region passes made, with the removed image URLs for the warning;
an unreadable entry, other HTML or another nh3 version is done again."""

import sqlite3

import nh3

from kwsite import bodies
from kwsite.bodies import SUFFIX, Bodies, final_html
from kwsite.cachestore import close_all
from kwsite.chartcache import DB_NAME, ChartCache

HTML = (
    '<h2 id="a">Cijfers</h2>\n<p><img alt="x" src="https://tracker.example/p.png"><script>alert(1)</script></p>\n'
    "<table>\n<thead>\n<tr>\n<th>Jaar</th>\n<th>Waarde</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>2020</td>\n"
    '<td onclick="x()">6,7</td>\n</tr>\n</tbody>\n</table>'
)


def entries(directory) -> list[str]:
    """Digests of the page bodies kept in the cache's database (suffix ``.json``), after writing it out."""
    close_all()
    db = sqlite3.connect(directory / DB_NAME)
    try:
        return [r[0] for r in db.execute("SELECT digest FROM entries WHERE kind = ?", (SUFFIX,))]
    finally:
        db.close()


def overwrite(directory, digest: str, data: bytes) -> None:
    """Put other bytes in the kept entry ``digest`` (a damaged or foreign entry)."""
    close_all()
    db = sqlite3.connect(directory / DB_NAME)
    try:
        with db:
            db.execute("UPDATE entries SET data = ? WHERE kind = ? AND digest = ?", (data, SUFFIX, digest))
    finally:
        db.close()


def test_final_html_is_the_three_passes():
    html, remote = final_html(HTML)
    assert remote == ["https://tracker.example/p.png"]
    assert "script" not in html and "onclick" not in html and "tracker.example" not in html
    assert '<th scope="col">Jaar</th>' in html
    assert '<div class="kw-table-wrap" role="region" tabindex="0" aria-label="Tabel bij Cijfers"><table>' in html


def test_the_next_build_reads_the_kept_result(tmp_path, monkeypatch):
    first = Bodies(ChartCache(tmp_path))
    made = first.final(HTML)
    assert made == final_html(HTML) and first.hits == 0
    assert len(entries(tmp_path)) == 1

    def not_again(html):
        raise AssertionError("made again")

    monkeypatch.setattr(bodies, "final_html", not_again)
    later = Bodies(ChartCache(tmp_path))
    assert later.final(HTML) == made and later.hits == 1
    other = HTML.replace("6,7", "6,8")
    monkeypatch.undo()
    assert later.final(other) == final_html(other) and later.hits == 1  # other HTML: made, not read


def test_an_unreadable_entry_is_made_again(tmp_path):
    Bodies(ChartCache(tmp_path)).final(HTML)
    (digest,) = entries(tmp_path)
    for text in ("{niet json", '{"format": 1, "html": 3, "remote": []}', '{"format": 99, "html": "", "remote": []}'):
        overwrite(tmp_path, digest, text.encode("utf-8"))
        again = Bodies(ChartCache(tmp_path))
        assert again.final(HTML) == final_html(HTML) and again.hits == 0


def test_another_nh3_version_is_another_entry(tmp_path, monkeypatch):
    Bodies(ChartCache(tmp_path)).final(HTML)
    monkeypatch.setattr(nh3, "__version__", "0.0.0-anders")
    bodies.salt.cache_clear()
    try:
        again = Bodies(ChartCache(tmp_path))
        assert again.final(HTML) == final_html(HTML) and again.hits == 0
        assert len(entries(tmp_path)) == 2
    finally:
        monkeypatch.undo()
        bodies.salt.cache_clear()


def test_without_a_cache_folder_nothing_is_kept(tmp_path):
    memo = Bodies(ChartCache(None))
    assert memo.final(HTML) == final_html(HTML) and memo.final(HTML) == final_html(HTML) and memo.hits == 0
    assert Bodies(None).final(HTML) == final_html(HTML)
