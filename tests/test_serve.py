"""`kwsite serve` re-renders little: after one data edit only the charts whose inputs changed
are drawn again (the rest come from the on-disk cache), and only the pages that show the
changed value differ."""

import shutil

from conftest import ROOT, edit
from kwsite.build import build_pages, load_site
from kwsite.chartcache import DB_NAME

CHAPTERS = ["hoofdstukken/06-meerjarenstrategie.md"]


def build(data, cache):
    site, _ = load_site(data)
    files, charts = build_pages(site, CHAPTERS, cache)
    return {f.path: f.content for f in files}, charts.cache


def test_one_target_edit_redraws_one_chart(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    cache = tmp_path / "cache"
    before, first = build(tmp_path / "data", cache)
    assert first.misses > 10 and first.hits == 0
    # indicator 1b: target 2020 45% → 46% (an edit in the test's copy only)
    edit(tmp_path, "data/indicators.yaml", "        value: 45\n", "        value: 46\n")
    after, second = build(tmp_path / "data", cache)
    assert second.misses == 1 and second.hits == first.misses - 1
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    pages = {p for p in changed if p.endswith(".md")}
    assert pages == {"themas/meerjarenstrategie.md", "indicatoren.md", "indicatoren/1b.md"}  # 1b's own page too
    charts = {p for p in changed if p.startswith("grafieken/")}
    assert charts == {"grafieken/indicator-1b.svg"}


def wait_for(seen: list[str], pattern: str, count: int, timeout: float = 240) -> None:
    """Wait until ``pattern`` occurred ``count`` times in the log lines ``seen`` (filled by a thread)."""
    import re
    import time

    deadline = time.monotonic() + timeout
    while sum(bool(re.search(pattern, line)) for line in list(seen)) < count:
        assert time.monotonic() < deadline, "".join(seen)[-3000:]
        time.sleep(0.2)


def test_mkdocs_serve_rebuilds_with_the_chart_pool(tmp_path):
    """`mkdocs serve` (threads for the server and the watcher) draws the charts in worker processes,
    also on a rebuild in the same process; the page shows the edited value afterwards."""
    import os
    import socket
    import subprocess
    import sys
    import threading
    import urllib.request

    for name in ("content", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        config.replace("      cache_dir: .kwsite-cache\n", "      cache_dir: .kwsite-cache\n      pdf: false\n"),
        encoding="utf-8",
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    seen: list[str] = []
    threading.Thread(target=lambda: seen.extend(iter(proc.stderr.readline, "")), daemon=True).start()
    try:
        wait_for(seen, r"Serving on", 1)
        assert any("grafieken: " in line and "0 uit de cache" in line for line in seen), "".join(seen)
        shutil.rmtree(tmp_path / ".kwsite-cache")  # the rebuild draws all again: the pool once more
        # Amstlnd IBM 2016: 6.5 → 6.4 (an edit in the test's copy only)
        edit(tmp_path, "data/tables/ibm-per-college.csv", "Amstlnd,6.1,6.5,6.2", "Amstlnd,6.1,6.4,6.2")
        wait_for(seen, r"grafieken: \d+ getekend, 0 uit de cache", 2)
        wait_for(seen, r"Documentation built in|Error|Aborted", 2)
        url = f"http://127.0.0.1:{port}/colleges/amstelland/"
        html = urllib.request.urlopen(url, timeout=30).read().decode("utf-8")
        assert "Amstelland: 2015 6,1; 2016 6,4; 2017 6,2." in html
        svg = urllib.request.urlopen(url + "../../grafieken/college-amstelland-ibm-per-college.svg", timeout=30).read()
        assert svg.startswith(b"<svg") and b"Amstelland" in svg
        assert "Traceback" not in "".join(seen) and "ERROR" not in "".join(seen)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_warm_build_does_not_import_matplotlib(tmp_path):
    """With every chart in the cache, a build never loads matplotlib (about 0,4 s of start-up)."""
    import os
    import subprocess
    import sys

    from conftest import ROOT as root

    site = tmp_path / "site"
    shutil.copytree(root / "tests" / "fixtures" / "mini", site)
    edit(site, "mkdocs.yml", "      data_dir: data\n", "      data_dir: data\n      cache_dir: .kwsite-cache\n")
    script = (
        "import sys\n"
        "from mkdocs.commands.build import build\n"
        "from mkdocs.config import load_config\n"
        "build(load_config('mkdocs.yml', site_dir=sys.argv[1]))\n"
        "print('matplotlib' in sys.modules)\n"
    )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / f"out{i}")],
            cwd=site,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        for i in range(2)
    ]
    assert runs[0].stdout.strip() == "True"  # the cold build drew the charts
    assert (site / ".kwsite-cache" / DB_NAME).stat().st_size > 0
    assert runs[1].stdout.strip() == "False"
