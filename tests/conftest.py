import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="golden files: write what the code gives now instead of comparing (then read the diff)",
    )


@pytest.fixture(autouse=True)
def _own_build_date():
    """Each test starts with the ``SOURCE_DATE_EPOCH`` the suite started with: an in-process build or PDF sets
    it from its site's commit (kwsite.repro.set_source_date, once per process as in the CLI), which dated the
    next test's site with another site's commit (its workbooks said "stand 5 december 2026" instead of
    "niet vermeld", one size text shifted and tests/test_preview.py's patch test failed in the whole suite)."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    yield
    if before is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = before


@pytest.fixture(scope="session")
def update_golden(pytestconfig) -> bool:
    """True under ``pytest --update-golden`` (or, for a while still, ``KWSITE_UPDATE_GOLDEN=1``):
    a golden test writes its file instead of comparing with it."""
    return bool(pytestconfig.getoption("--update-golden") or os.environ.get("KWSITE_UPDATE_GOLDEN"))


@pytest.fixture
def mini(tmp_path):
    """A fresh copy of the minimal valid site; returns its directory."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


def edit(site: Path, rel: str, old: str, new: str) -> None:
    """Replace ``old`` (must occur) by ``new`` in ``site/rel``."""
    path = site / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def mkdocs_build(site: Path, *args: str, env: dict | None = None):
    """Run ``mkdocs build`` in ``site`` (a copy); returns the CompletedProcess."""
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args], cwd=site, env=full_env, capture_output=True, text=True
    )


EPOCH = "1700000000"
"""The build date of the session's sites (2023-11-14 22:13:20 UTC), so their pages and PDFs do not depend
on the commit."""


@dataclass(frozen=True)
class Built:
    """A site built by ``mkdocs build --strict``: its output ``site``, the build's ``log`` (stderr) and the
    copy of the site it was built from (``root``)."""

    site: Path
    log: str
    root: Path


def build_copy(src: Path, work: Path) -> Built:
    """Copy the site at ``src`` (keeping its place under the repository: ``examples/…``) into ``work``
    without its ``site/`` and chart cache, and build it there with ``mkdocs build --strict`` (an empty
    cache: every chart is drawn, as in CI). Fails the test with the log's end when the build fails."""
    root = work / src.relative_to(ROOT)
    if src == ROOT:
        for name in ("content", "data"):
            shutil.copytree(src / name, root / name)
        shutil.copy(src / "mkdocs.yml", root / "mkdocs.yml")
    else:
        shutil.copytree(src, root, ignore=shutil.ignore_patterns("site", ".kwsite-cache"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return Built(root / "site", proc.stderr, root)


@pytest.fixture(scope="session")
def flagship_build(tmp_path_factory) -> Built:
    """The flagship (repo root) built once per test session, from a copy, with an empty chart cache."""
    return build_copy(ROOT, tmp_path_factory.mktemp("flagship"))


@pytest.fixture(scope="session")
def noorderpoort_build(tmp_path_factory) -> Built:
    """examples/noorderpoort built once per test session, from a copy, with an empty chart cache."""
    return build_copy(ROOT / "examples/noorderpoort", tmp_path_factory.mktemp("noorderpoort"))


@pytest.fixture(scope="session")
def clusius_build(tmp_path_factory) -> Built:
    """examples/clusius built once per test session, from a copy."""
    return build_copy(ROOT / "examples/clusius", tmp_path_factory.mktemp("clusius"))


@pytest.fixture(scope="session")
def flagship_site(flagship_build) -> Path:
    """The output directory of :func:`flagship_build`."""
    return flagship_build.site


@pytest.fixture(scope="session")
def noorderpoort_site(noorderpoort_build) -> Path:
    """The output directory of :func:`noorderpoort_build`."""
    return noorderpoort_build.site


@pytest.fixture(scope="session")
def clusius_site(clusius_build) -> Path:
    """The output directory of :func:`clusius_build`."""
    return clusius_build.site
