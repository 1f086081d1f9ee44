"""Dutch where kwsite runs MkDocs and click itself (issue #17 item 17): no "Aborted with a BuildError!",
no click help boilerplate, no Material banner about MkDocs 2.0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import edit
from kwsite.dutch import translate

KWSITE = str(Path(sys.executable).with_name("kwsite"))
ENGLISH = (
    "Usage:",
    "Options:",
    "Show this message",
    "Aborted",
    "Building documentation",
    "Documentation built",
    "Cleaning site",
    "MkDocs 2.0",
    "NO_MKDOCS_2_WARNING",
)


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}  # as on an editor's machine
    return subprocess.run([KWSITE, *args], capture_output=True, text=True, env=env, cwd=cwd)


def test_translate_keeps_the_server_timestamp_and_leaves_unknown_lines():
    assert (
        translate("[12:01:02] Serving on http://127.0.0.1:8000/")
        == "[12:01:02] Voorvertoning op http://127.0.0.1:8000/"
    )
    assert translate("Aborted with 3 warnings in strict mode!").startswith("Gestopt: 3 waarschuwing(en)")
    assert translate("Doc file 'x.md' contains a link") == "Doc file 'x.md' contains a link"


def test_help_is_dutch():
    for args in (["--help"], ["build", "--help"]):
        proc = run(*args)
        assert proc.returncode == 0
        assert "Gebruik: kwsite" in proc.stdout and "Toon deze hulp en stop." in proc.stdout
        assert not [w for w in ENGLISH if w in proc.stdout + proc.stderr], proc.stdout


def test_build_speaks_dutch_when_it_fails_and_when_it_succeeds(mini):
    edit(mini, "data/indicators.yaml", "    theme: kern\n    name: Aandeel", "    theme: kernn\n    name: Aandeel")
    failed = run("build", str(mini))
    assert failed.returncode == 1
    assert "Gestopt: de site is niet gebouwd" in failed.stderr and "onbekend thema 'kernn'" in failed.stderr
    edit(mini, "data/indicators.yaml", "    theme: kernn\n", "    theme: kern\n")
    built = run("build", str(mini))
    assert built.returncode == 0, built.stderr
    assert "Site gebouwd in" in built.stderr
    assert not [w for w in ENGLISH if w in failed.stdout + failed.stderr + built.stdout + built.stderr], built.stderr
