"""`kwsite serve` rebuilds only what changed (kwsite.preview), and never shows a stale value.

Each test runs MkDocs' own dirty build in this process, twice or more, the way
`mkdocs serve --dirty` does: one plugin object for the session, a new config
per build, the same output folder."""

import json
import shutil

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import ROOT, edit

MINI = ROOT / "tests" / "fixtures" / "mini"
URL = "http://127.0.0.1:8000/"


class Session:
    """One preview session on a copy of the mini site."""

    def __init__(self, work, out):
        self.work, self.out = work, out
        self.config().plugins.on_startup(command="serve", dirty=True)

    def config(self):
        config = load_config(str(self.work / "mkdocs.yml"), site_dir=str(self.out))
        config.site_url = URL
        return config

    def build(self):
        build(self.config(), serve_url=URL, dirty=True)

    def html(self, page):
        return (self.out / page / "index.html").read_text(encoding="utf-8")

    def mtimes(self):
        """Modification times of the pages (404.html is a theme template MkDocs always writes)."""
        return {p: p.stat().st_mtime_ns for p in self.out.rglob("index.html")}


@pytest.fixture
def session(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    work = tmp_path / "site"
    shutil.copytree(MINI, work)
    live = Session(work, tmp_path / "out")
    yield live
    live.config().plugins.on_startup(command="build", dirty=False)  # plugin objects outlive the test


def test_one_value_rebuilds_the_pages_that_show_it(session):
    session.build()
    assert "7,0" in session.html("colleges/noord")
    before = session.mtimes()
    # College Noord, 2017: 7.0 → 7.4 (a copy of the fixture)
    edit(session.work, "data/tables/cijfer.csv", "Nrd,6.5,6.8,7.0", "Nrd,6.5,6.8,7.4")
    session.build()
    assert "7,4" in session.html("colleges/noord")
    after = session.mtimes()
    rewritten = {p.relative_to(session.out).as_posix() for p in after if after[p] != before.get(p)}
    assert "colleges/noord/index.html" in rewritten
    assert "colleges/zuid/index.html" not in rewritten  # Zuid has no row in this table
    assert "index.html" not in rewritten
    # a skipped page keeps its title in the nav of a rebuilt page (not its file name)
    assert "Kwaliteitsagenda Mini" in session.html("colleges/noord")
    docs = json.loads((session.out / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = [d["location"] for d in docs]
    assert len(locations) == len(set(locations))
    assert {"", "colleges/noord/", "colleges/zuid/"} <= {loc.split("#")[0] for loc in locations}
    assert any("7,4" in d["text"] for d in docs if d["location"].startswith("colleges/noord/"))
    assert not any("7,0" in d["text"] for d in docs if d["location"].startswith("colleges/noord/"))


def test_a_directive_value_rebuilds_the_hand_written_page(session):
    session.build()
    assert "38%" in session.html("")
    # index.md shows [[ind.1b.baseline]]; the page file itself does not change
    edit(session.work, "data/indicators.yaml", "baseline: {value: 38, year: 2018}", "baseline: {value: 39, year: 2018}")
    session.build()
    assert "39%" in session.html("") and "38%" not in session.html("")


def test_a_nav_change_rebuilds_every_page(session):
    session.build()
    before = session.mtimes()
    edit(session.work, "mkdocs.yml", "  - Colleges:\n", "  - Bijlagen:\n")
    session.build()
    after = session.mtimes()
    assert all(after[p] != before[p] for p in before)
    assert "Bijlagen" in session.html("themas/kern")


def test_unchanged_rebuild_writes_no_page(session):
    session.build()
    before = session.mtimes()
    session.build()
    assert session.mtimes() == before


def _free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


LIMIT = (
    "import errno, sys\n"
    "from watchdog.observers.inotify import InotifyEmitter\n"
    "def full(self):\n"
    "    raise OSError(errno.ENOSPC, 'inotify watch limit reached')\n"
    "InotifyEmitter.on_thread_start = full\n"
    "from kwsite.cli import main\n"
    "sys.argv[0] = 'kwsite'\n"
    "main()\n"
)
"""`kwsite` with the kernel's inotify watch limit reached (as `inotify_add_watch` reports it)."""


@pytest.mark.parametrize(
    "watcher, said",
    [
        ("inotify", "wijzigingen worden direct gezien (inotify)"),
        ("polling", "bestanden worden elke 0,5 s bekeken (KWSITE_WATCH=polling)"),
        ("limit", "bestanden worden elke 0,5 s bekeken (inotify niet te gebruiken: inotify watch limit reached)"),
    ],
)
def test_kwsite_serve_shows_a_data_edit(tmp_path, watcher, said):
    """The real command: `kwsite serve` watches data/ (the mini site's mkdocs.yml has no `watch:`),
    rebuilds --strict without MkDocs' dirty-build warning, and serves the new value: with inotify,
    with polling asked for, and with polling because inotify's watch limit is reached. The build
    reading data/ is no change: one edit, one rebuild."""
    import os
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    work = tmp_path / "site"
    shutil.copytree(MINI, work)
    assert "watch" not in (work / "mkdocs.yml").read_text(encoding="utf-8")
    port = _free_port()
    log = tmp_path / "serve.log"
    kwsite = [str(Path(sys.executable).with_name("kwsite"))] if watcher != "limit" else [sys.executable, "-c", LIMIT]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("KWSITE_WATCH", None)
    if watcher == "polling":
        env["KWSITE_WATCH"] = "polling"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [*kwsite, "serve", str(work), "-a", f"127.0.0.1:{port}"], stdout=out, stderr=subprocess.STDOUT, env=env
        )

    def wait(count):
        end = time.monotonic() + 120
        while time.monotonic() < end:
            text = log.read_text(encoding="utf-8")
            if text.count("Site gebouwd in") >= count and "Voorvertoning op" in text:  # kwsite serve speaks Dutch
                return text
            assert proc.poll() is None, text
            time.sleep(0.2)
        raise AssertionError(log.read_text(encoding="utf-8"))

    try:
        wait(1)
        time.sleep(1)  # let the watcher settle
        edit(work, "data/tables/cijfer.csv", "Nrd,6.5,6.8,7.0", "Nrd,6.5,6.8,7.3")
        text = wait(2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/colleges/noord/", timeout=30) as response:
            page = response.read().decode("utf-8")
        time.sleep(2)  # a rebuild set off by the build's own reading of data/ would have started by now
        again = log.read_text(encoding="utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert "7,3" in page
    assert said in text
    assert again.count("Site gebouwd in") == 2 and again.count("Wijziging gezien") == 1, again
    assert "WARNING" not in text and "Aborted" not in text and "dirty" not in text
    import socket

    with socket.socket() as s:  # stopping `kwsite serve` stopped the server too (no MkDocs child left behind)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a closed connection may linger in TIME_WAIT
        s.bind(("127.0.0.1", port))


def test_a_front_matter_title_change_reaches_every_nav(session):
    """A page named in the nav without a title is shown under its own title, here from its
    front matter: changing it must change the nav of pages that are otherwise unchanged."""
    (session.work / "content" / "extra.md").write_text("---\ntitle: Eerste titel\n---\n\nTekst.\n", encoding="utf-8")
    edit(session.work, "mkdocs.yml", "  - kwsite:opendata\n", "  - kwsite:opendata\n  - extra.md\n")
    session.build()
    assert "Eerste titel" in session.html("colleges/zuid")
    edit(session.work, "content/extra.md", "Eerste titel", "Tweede titel")
    session.build()
    assert "Tweede titel" in session.html("colleges/zuid") and "Eerste titel" not in session.html("colleges/zuid")


def test_a_value_cited_in_data_text_is_rebuilt(session):
    """Generated pages are compared with their directives expanded: data text may cite a value."""
    edit(
        session.work,
        "data/themes.yaml",
        'ambitions: ["Meer studenten halen hun diploma."]',
        'ambitions: ["Meer studenten halen hun diploma (nulmeting [[ind.1b.baseline]])."]',
    )
    session.build()
    assert "nulmeting 38%" in session.html("themas/kern")
    edit(session.work, "data/indicators.yaml", "baseline: {value: 38, year: 2018}", "baseline: {value: 39, year: 2018}")
    session.build()
    assert "nulmeting 39%" in session.html("themas/kern") and "nulmeting 38%" not in session.html("themas/kern")


def test_skipped_pages_keep_their_titles_in_the_nav(session):
    (session.work / "content" / "extra.md").write_text("# Extra pagina\n\nTekst.\n", encoding="utf-8")
    edit(session.work, "mkdocs.yml", "  - kwsite:opendata\n", "  - kwsite:opendata\n  - extra.md\n")
    session.build()
    edit(session.work, "data/tables/cijfer.csv", "Nrd,6.5,6.8,7.0", "Nrd,6.5,6.8,7.4")
    session.build()
    page = session.html("colleges/noord")  # rebuilt; extra.md and index.md were not
    assert "7,4" in page and "Extra pagina" in page and ">None<" not in page.replace(" ", "").replace("\n", "")


def test_search_forgets_pages_that_are_gone(session):
    session.build()
    edit(session.work, "data/units.yaml", "id: zuid\n", "id: zuidwest\n")
    session.build()
    docs = json.loads((session.out / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages = {d["location"].split("#")[0] for d in docs}
    assert "colleges/zuidwest/" in pages and "colleges/zuid/" not in pages


def test_after_a_failed_build_everything_is_rebuilt(session):
    session.build()
    edit(session.work, "data/indicators.yaml", "baseline: {value: 38, year: 2018}", "baseline: {value: 39, year: 2018}")
    plugin = session.config().plugins["kwsite"]
    real = type(plugin).on_post_page

    def failing(output, page, config):
        if page.file.src_uri == "themas/kern.md":
            raise RuntimeError("stopped half-way")
        return real(plugin, output, page=page, config=config)

    plugin.on_post_page = failing
    with pytest.raises(RuntimeError):
        session.build()
    del plugin.on_post_page
    session.build()
    docs = json.loads((session.out / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    home = " ".join(d["text"] for d in docs if d["location"].split("#")[0] == "")
    assert "39%" in home and "38%" not in home


def test_sigterm_stops_serve_and_its_chart_workers(tmp_path):
    """SIGTERM (what `terminate()` sends) ends `kwsite serve` like Ctrl-C: no worker process stays."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    work = tmp_path / "site"
    shutil.copytree(MINI, work)
    port = _free_port()
    log = tmp_path / "serve.log"
    kwsite = Path(sys.executable).with_name("kwsite")
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [str(kwsite), "serve", str(work), "-a", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            start_new_session=True,
        )
    end = time.monotonic() + 120
    while "Voorvertoning op" not in log.read_text(encoding="utf-8"):
        assert proc.poll() is None and time.monotonic() < end, log.read_text(encoding="utf-8")
        time.sleep(0.2)
    edit(work, "data/tables/cijfer.csv", "Nrd,6.5,6.8,7.0", "Nrd,6.5,6.8,7.2")  # a rebuild draws with workers
    while log.read_text(encoding="utf-8").count("Site gebouwd in") < 2:
        assert proc.poll() is None and time.monotonic() < end, log.read_text(encoding="utf-8")
        time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    time.sleep(1)
    ps = subprocess.run(["ps", "-o", "pid=,args=", "-s", str(proc.pid)], capture_output=True, text=True).stdout
    left = [line for line in ps.splitlines() if "<defunct>" not in line]  # ended, only not yet reaped
    assert left == [], ps


def test_a_template_override_in_theme_reaches_the_served_page(session):
    """A page template added to the site's theme/ during the session, then edited: each rebuild shows it."""
    session.build()
    template = (ROOT / "kwsite" / "theme" / "pages" / "college.md").read_text(encoding="utf-8")
    override = session.work / "theme" / "pages" / "college.md"
    override.parent.mkdir(parents=True)
    override.write_text(template + "\nEigen voetnoot van de site: versie een.\n", encoding="utf-8")
    session.build()
    assert "Eigen voetnoot van de site: versie een." in session.html("colleges/noord")
    override.write_text(template + "\nEigen voetnoot van de site: versie twee.\n", encoding="utf-8")
    session.build()
    html = session.html("colleges/noord")
    assert "versie twee" in html and "versie een" not in html


def test_a_page_showing_a_files_size_is_rebuilt_when_the_file_changes(session):
    """The open-data page names each workbook's size through a marker filled in when the page is rendered:
    its Markdown stays the same when only a workbook changes, yet the size it shows must be the new file's
    (before #20 the page was skipped and showed the old size)."""
    import re

    from kwsite.pages.common import size_text

    session.build()
    edit(session.work, "data/tables/cijfer.csv", "Nrd,6.5,6.8,7.0", "Nrd,6.5,6.8,7.4")  # same length: same CSV size
    session.build()
    page = session.out / "open-data" / "index.html"
    html = page.read_text(encoding="utf-8")
    for name in re.findall(r'href="\.\./downloads/([^"]+\.xlsx)"', html):
        shown = re.search(rf'href="\.\./downloads/{re.escape(name)}">Excel, ([\d,]+ kB)<', html).group(1)
        assert shown == size_text((session.out / "downloads" / name).read_bytes()), name


def _prepare_files(config, page: str, sized: dict[str, bytes]):
    from mkdocs.structure.files import Files

    from kwsite.files import DigestFile

    files = [DigestFile.generated(config, path, content=body) for path, body in sized.items()]
    return Files([DigestFile.generated(config, "index.md", content=page), *files])


def test_a_page_is_rebuilt_when_the_size_it_shows_changes_not_the_bytes(session, tmp_path):
    """Preview.prepare: a page naming a workbook's size (a size marker) is rebuilt when the size text it
    shows changes (0,1 kB steps), not when only the bytes change (a one-value edit changes a workbook and
    the data zip, seldom their sizes in kB); the home page goes with the data zip's size (main.html)."""
    from kwsite.datapackage import ZIP_PATH
    from kwsite.pages.common import size_mark
    from kwsite.preview import Preview

    config = session.config()
    config.config_file_path = None
    config.plugins._current_plugin = "kwsite"  # as while MkDocs runs a plugin's event
    preview = Preview()
    try:
        page = f"# Start\n\nExcel, {size_mark('downloads/t.xlsx')}\n"
        assert (
            preview.prepare(config, _prepare_files(config, page, {"downloads/t.xlsx": b"a" * 2000}), {"index.md": page})
            == 2
        )
        home = preview.digests["index.md"]
        # other bytes, same length: the workbook is written again, the page is not
        assert (
            preview.prepare(config, _prepare_files(config, page, {"downloads/t.xlsx": b"b" * 2000}), {"index.md": page})
            == 1
        )
        assert preview.digests["index.md"] == home
        # 2000 → 2200 bytes: 2,0 kB → 2,1 kB on the page
        assert (
            preview.prepare(config, _prepare_files(config, page, {"downloads/t.xlsx": b"b" * 2200}), {"index.md": page})
            == 2
        )
        assert preview.digests["index.md"] != home
        home = preview.digests["index.md"]
        # the home page shows the data zip's size: a zip of another size rebuilds it, other bytes alone do not
        sized = {"downloads/t.xlsx": b"b" * 2200, ZIP_PATH: b"z" * 5000}
        preview.prepare(config, _prepare_files(config, page, sized), {"index.md": page})
        home = preview.digests["index.md"]
        sized[ZIP_PATH] = b"y" * 5000
        assert preview.prepare(config, _prepare_files(config, page, sized), {"index.md": page}) == 1
        assert preview.digests["index.md"] == home
        sized[ZIP_PATH] = b"y" * 5200
        assert preview.prepare(config, _prepare_files(config, page, sized), {"index.md": page}) == 2
        assert preview.digests["index.md"] != home
    finally:
        preview.close()


FRESH = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.site_url = sys.argv[3]
config.plugins.on_startup(command="build", dirty=False)
config.plugins["kwsite"].config.pdf = False  # serve makes no PDF
build(config)
"""


def _pages(out):
    """Every HTML page, download and asset kwsite makes, by path (the search index, sitemap and MkDocs' theme
    files apart)."""
    skip = ("search/", "sitemap.xml", "assets/javascripts/", "assets/stylesheets/", "assets/images/")
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and not p.relative_to(out).as_posix().startswith(skip)
    }


def test_served_pages_equal_a_fresh_build_after_each_kind_of_edit(session, tmp_path):
    """After a CSV value, an indicators.yaml target, a hand-written page and a page template in theme/ are
    edited in turn, the session's pages and downloads are those of a fresh build of the same files (every
    byte: no stale value, size or title anywhere)."""
    import subprocess
    import sys

    session.build()
    edits = [
        ("data/tables/cijfer.csv", "Nrd,6.5,6.8,7.0", "Nrd,6.5,6.8,7.4"),
        ("data/indicators.yaml", "{year: 2020, kind: value, value: 45}", "{year: 2020, kind: value, value: 47}"),
        ("content/index.md", "Zie [de thema's]", "Lees [de thema's]"),
        ("theme/pages/college.md", None, "\nEigen voetnoot van de site.\n"),
    ]
    for n, (rel, old, new) in enumerate(edits):
        if old is None:  # a new override of a kwsite page template
            path = session.work / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text((ROOT / "kwsite" / rel).read_text(encoding="utf-8") + new, encoding="utf-8")
        else:
            edit(session.work, rel, old, new)
        session.build()
        fresh = tmp_path / f"fresh{n}"
        done = subprocess.run(
            [sys.executable, "-c", FRESH, str(session.work / "mkdocs.yml"), str(fresh), URL],
            cwd=session.work,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        served, built = _pages(session.out), _pages(fresh)
        assert sorted(set(served) ^ set(built)) == [], rel
        differ = [p for p in built if served[p] != built[p]]
        assert differ == [], (rel, differ)
    assert "7,4" in session.html("colleges/noord") and "Eigen voetnoot van de site." in session.html("colleges/noord")
    assert "Lees" in (session.out / "index.html").read_text(encoding="utf-8")


def test_a_build_after_a_serve_session_in_the_same_process_has_only_its_own_search_entries():
    """MkDocs keeps one Material search plugin object per process; its index of a serve session must not be
    merged into a later build's index (seen as every page found twice after tests/test_preview.py)."""
    from material.plugins.search.plugin import SearchIndex, SearchPlugin

    from kwsite.preview import forget_earlier_search

    search = SearchPlugin()
    search.load_config({})
    options = {"lang": ["nl"], "separator": r"[\s\-]+", "pipeline": [], "fields": {}}
    earlier = SearchIndex(**options)
    earlier.entries = [{"location": "themas/", "title": "Thema's", "text": ""}]
    search.search_index_prev = earlier
    forget_earlier_search({"material/search": search})
    assert search.search_index_prev is None
    now = SearchIndex(**options)
    now.entries = [{"location": "index.html", "title": "Home", "text": ""}]
    assert [e["location"] for e in json.loads(now.generate_search_index(search.search_index_prev))["docs"]] == [
        "index.html"
    ]


def _search_docs(out, page):
    docs = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return sorted(
        (d["location"], d["title"], d["text"], d.get("folded", "")) for d in docs if d["location"].startswith(page)
    )


def test_a_page_that_only_shows_new_sizes_is_patched_and_equals_a_fresh_build(session, tmp_path):
    """A one-value edit that changes a workbook's size in 0,1 kB but no text of the open-data page: the page is
    not rendered again (Preview.patch writes the new size texts into its previous output and search entries),
    and its bytes and search entries are those of a fresh build; no size mark is left anywhere."""
    import re
    import subprocess
    import sys

    from kwsite.pages.common import size_text

    plugin = session.config().plugins["kwsite"]
    session.build()
    edit(session.work, "data/tables/cijfer.csv", "Nrd,6.5,6.8,7.0", "Nrd,6.5,6.8,7.4567")
    session.build()
    before = (session.out / "open-data" / "index.html").read_text(encoding="utf-8")
    edit(session.work, "data/tables/cijfer.csv", "Nrd,6.5,6.8,7.4567", "Nrd,6.5,6.8,7.45678")  # found by trying
    session.build()
    assert plugin.preview.patches == {"open-data.md"}
    assert "open-data/" not in plugin.preview.rebuilt and "colleges/noord/" in plugin.preview.rebuilt
    html = (session.out / "open-data" / "index.html").read_text(encoding="utf-8")
    assert html != before  # a size it shows did change ...
    for name in re.findall(r'href="\.\./downloads/([^"]+\.(?:xlsx|json|zip))"', html):
        shown = re.search(rf'href="\.\./downloads/{re.escape(name)}">[^<]*?([\d,]+ kB)\)?<', html)
        if shown:  # ... and every size it shows is the file's own now
            assert shown.group(1) == size_text((session.out / "downloads" / name).read_bytes()), name
    fresh = tmp_path / "fresh"
    done = subprocess.run(
        [sys.executable, "-c", FRESH, str(session.work / "mkdocs.yml"), str(fresh), URL],
        cwd=session.work,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    served, built = _pages(session.out), _pages(fresh)
    assert sorted(set(served) ^ set(built)) == []
    assert [p for p in built if served[p] != built[p]] == []
    a, b = _search_docs(session.out, "open-data/"), _search_docs(fresh, "open-data/")
    assert [x[:2] for x in a] == [x[:2] for x in b]
    assert a == b
    assert _search_docs(session.out, "open-data/")  # the page has entries
    marks = [p for p in session.out.rglob("*") if p.is_file() and "\ue000".encode() in p.read_bytes()]
    assert marks == []


def test_idle_collector_collects_after_a_build_and_never_during_one():
    """kwsite serve runs Python's cycle collector once after each build (then freezes what is left, so the
    next rebuild's collections scan only its own objects), never while a build runs; stop() unfreezes."""
    import gc
    import time

    from kwsite.servecmd import IdleCollector

    collector = IdleCollector(delay=0.05)
    during = []

    def build():
        during.append(collector.collections)
        time.sleep(0.3)
        during.append(collector.collections)

    try:
        collector.wrap(build)()
        deadline = time.monotonic() + 10
        while collector.collections == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert collector.collections == 1
        assert gc.get_freeze_count() > 0
        collector.wrap(build)()
        assert during[2] == during[3] == 1  # nothing collected while the second build ran
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0


def test_the_first_build_of_a_session_starts_the_chart_workers_for_the_first_edit(session):
    """After the first build of a serve session the chart workers are up (each drew one indicator chart), so the
    first edit that changes a matplotlib chart does not wait for them to start; a later build starts nothing."""
    from kwsite.chartpool import usable_cores

    plugin = session.config().plugins["kwsite"]
    assert plugin.preview.warmed is False
    session.build()
    assert plugin.preview.warmed is True
    pool = plugin.preview.charts._pool
    assert (pool is not None) == (usable_cores() > 1)
    edit(session.work, "data/tables/cijfer.csv", "Nrd,6.5,6.8,7.0", "Nrd,6.5,6.8,7.4")
    session.build()
    assert plugin.preview.charts._pool is pool  # the same workers
    assert "7,4" in session.html("colleges/noord")


def test_a_college_name_change_reaches_every_page_that_shows_it(session, tmp_path):
    """A college's name (units.yaml) is in the nav of every page, in its appendix, the overviews and the data
    downloads: after the edit the served site equals a fresh build byte for byte, and the old name is gone."""
    import subprocess
    import sys

    session.build()
    assert "College Noord" in session.html("colleges/zuid")  # the nav of another college's page
    edit(session.work, "data/units.yaml", "name: College Noord\n", "name: College Noordwest\n")
    session.build()
    fresh = tmp_path / "fresh"
    done = subprocess.run(
        [sys.executable, "-c", FRESH, str(session.work / "mkdocs.yml"), str(fresh), URL],
        cwd=session.work,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    served, built = _pages(session.out), _pages(fresh)
    assert sorted(set(served) ^ set(built)) == []
    assert [p for p in built if served[p] != built[p]] == []
    for page in ("colleges/noord", "colleges/zuid", ""):
        html = session.html(page)
        assert "College Noordwest" in html
        assert "College Noord<" not in html and "College Noord " not in html
    assert _search_docs(session.out, "colleges/noord/") == _search_docs(fresh, "colleges/noord/")
