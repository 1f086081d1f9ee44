"""Trustworthy output: a failed build keeps the previous site, two builds of one
commit are byte-identical with the date taken from the commit, the strict build
fails on broken links and anchors, and no page asks another host for anything."""

import gzip
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import MINI, edit, mkdocs_build
from external import external_requests

COMMIT_DATE = "2024-03-01T12:00:00+00:00"
COMMIT_EPOCH = 1709294400


def kwsite_build(site: Path, env: dict | None = None):
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    full_env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(
        [sys.executable, "-m", "kwsite.cli", "build", str(site)], env=full_env, capture_output=True, text=True
    )


def snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def git(cwd: Path, *args: str):
    env = dict(
        os.environ,
        GIT_AUTHOR_DATE=COMMIT_DATE,
        GIT_COMMITTER_DATE=COMMIT_DATE,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.invalid",
    )
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    """The mini site committed to a fresh git repository."""
    work = tmp_path / "repo"
    shutil.copytree(MINI, work)
    git(work, "init", "-q")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "mini")
    return work


def test_failed_build_leaves_previous_site_untouched(mini):
    first = kwsite_build(mini)
    assert first.returncode == 0, first.stderr[-2000:]
    before = snapshot(mini / "site")
    assert "index.html" in before and "themas/kern/index.html" in before
    edit(mini, "data/indicators.yaml", "    unit: grade", "    unti: grade")
    second = kwsite_build(mini)
    assert second.returncode != 0
    assert "indicators[0].unit: verplicht veld ontbreekt" in second.stderr
    assert "vorige versie" in second.stderr and "Traceback" not in second.stderr
    assert snapshot(mini / "site") == before
    assert sorted(p.name for p in mini.iterdir() if p.name.startswith(".site")) == []


def test_successful_build_replaces_the_site(mini):
    assert kwsite_build(mini).returncode == 0
    edit(mini, "content/index.md", "# Kwaliteitsagenda Mini", "# Kwaliteitsagenda Mini, tweede versie")
    assert kwsite_build(mini).returncode == 0
    assert "tweede versie" in (mini / "site/index.html").read_text(encoding="utf-8")


def test_two_clean_builds_of_one_commit_are_byte_identical(repo, tmp_path):
    copies = []
    for name in ("a", "b"):
        clone = tmp_path / name
        subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True, capture_output=True)
        proc = kwsite_build(clone)
        assert proc.returncode == 0, proc.stderr[-2000:]
        copies.append(snapshot(clone / "site"))
    a, b = copies
    assert a.keys() == b.keys()
    assert [k for k in a if a[k] != b[k]] == []
    assert any(k.endswith(".svg") for k in a) and any(k.endswith(".csv") for k in a)
    assert "downloads/kwaliteitsagenda-data.zip" in a and any(k.endswith(".xlsx") for k in a)
    for name in ["downloads/kwaliteitsagenda-data.zip"] + [k for k in a if k.endswith(".xlsx")][:3]:
        with zipfile.ZipFile(io.BytesIO(a[name])) as archive:  # dated from the commit, not the clock
            assert {i.date_time for i in archive.infolist()} == {(2024, 3, 1, 12, 0, 0)}, name
    # the build date is the commit's, not today's
    assert "<lastmod>2024-03-01</lastmod>" in a["sitemap.xml"].decode()
    assert gzip.decompress(a["sitemap.xml.gz"]) == a["sitemap.xml"]
    day = COMMIT_EPOCH - COMMIT_EPOCH % 86400  # MkDocs stamps the gzip with the commit's day
    assert int.from_bytes(a["sitemap.xml.gz"][4:8], "little") == day


def test_strict_build_fails_on_broken_link_and_anchor(mini):
    edit(
        mini, "content/index.md", "Zie [de thema's](#opbouw).", "Zie [weg](bestaat-niet.md) en [anker](#bestaat-niet)."
    )
    proc = mkdocs_build(mini, "--strict")
    assert proc.returncode != 0
    assert "bestaat-niet.md" in proc.stderr
    assert "#bestaat-niet" in proc.stderr
    assert "Aborted with 2 warnings in strict mode" in proc.stdout + proc.stderr


def test_no_requests_to_other_hosts(mini):
    assert mkdocs_build(mini, "--strict").returncode == 0
    assert (mini / "site/assets").is_dir()
    assert external_requests(mini / "site") == {}


def test_request_scanner_sees_remote_fonts_scripts_and_css(tmp_path):
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><script src="//cdn.example/x.js"></script>'
        '<img srcset="a.png 1x, https://img.example/b.png 2x"><a href="https://ok.example/">link is fine</a>',
        encoding="utf-8",
    )
    (tmp_path / "b.css").write_text(
        '@import "https://x.example/y.css"; p{background:url(img/ok.png)}', encoding="utf-8"
    )
    found = external_requests(tmp_path)
    assert len(found["a.html"]) == 3 and found["b.css"] == ["https://x.example/y.css"]


def test_image_from_another_host_is_dropped_with_a_warning(mini):
    edit(mini, "content/index.md", "## Opbouw", "![logo](https://tracker.example/pixel.png)\n\n## Opbouw")
    proc = mkdocs_build(mini, "--no-strict")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "index.md: afbeelding van een andere host weggelaten: https://tracker.example/pixel.png" in proc.stderr
    assert "tracker.example" not in (mini / "site/index.html").read_text(encoding="utf-8")
    assert mkdocs_build(mini, "--strict").returncode != 0
