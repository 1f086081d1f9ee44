import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="golden files: write what the code gives now instead of comparing (then read the diff)")


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
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=site, env=full_env,
                          capture_output=True, text=True)


def build_site(config: Path, out: Path) -> Path:
    """``mkdocs build --strict`` of the site whose ``mkdocs.yml`` is ``config``, into ``out``; returns ``out``.

    Nothing is written into the site's own ``site/``; the chart cache (gitignored) is reused."""

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
                          env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


@pytest.fixture(scope="session")
def flagship_site(tmp_path_factory):
    """The flagship (repo root) built once per test session; returns the output directory."""
    return build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("flagship-site") / "site")


@pytest.fixture(scope="session")
def noorderpoort_site(tmp_path_factory):
    """examples/noorderpoort built once per test session; returns the output directory."""
    return build_site(ROOT / "examples/noorderpoort/mkdocs.yml", tmp_path_factory.mktemp("noorderpoort-site") / "site")


@pytest.fixture(scope="session")
def clusius_site(tmp_path_factory):
    """examples/clusius built once per test session; returns the output directory."""
    return build_site(ROOT / "examples/clusius/mkdocs.yml", tmp_path_factory.mktemp("clusius-site") / "site")
