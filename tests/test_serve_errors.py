"""`kwsite serve` with a data error (issue #17 item 16): the server keeps running, every page shows the
problems in Dutch with file:line, and the site comes back by itself once the error is fixed."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import MINI, edit


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_serve_shows_data_errors_in_the_browser_and_recovers(tmp_path):
    work = tmp_path / "site"
    shutil.copytree(MINI, work)
    edit(work, "data/indicators.yaml", "    theme: kern\n    name: Aandeel", "    theme: kernn\n    name: Aandeel")
    port, log = _free_port(), tmp_path / "serve.log"
    kwsite = Path(sys.executable).with_name("kwsite")
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [str(kwsite), "serve", str(work), "-a", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        end = time.monotonic() + 90
        while "Voorvertoning op" not in log.read_text(encoding="utf-8"):
            assert proc.poll() is None and time.monotonic() < end, log.read_text(encoding="utf-8")
            time.sleep(0.2)
        status, page = _get(url + "themas/kern/")  # answered at once, not held until the error is fixed
        assert status == 500 and '<html lang="nl">' in page and "De site kan niet gebouwd worden" in page
        assert "data/indicators.yaml:13:5 indicators[1].theme: onbekend thema &#x27;kernn&#x27;" in page
        assert "livereload" in page  # reloads by itself after the next build
        time.sleep(1)
        edit(work, "data/indicators.yaml", "    theme: kernn\n", "    theme: kern\n")
        while (result := _get(url))[0] != 200:
            assert proc.poll() is None and time.monotonic() < end + 60, log.read_text(encoding="utf-8")[-3000:]
            time.sleep(0.5)
        assert "Kwaliteitsagenda Mini" in result[1]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    text = log.read_text(encoding="utf-8")
    assert "data/indicators.yaml:13:5" in text and "Serve blijft draaien" in text
    assert "appear stuck" not in text and "Aborted" not in text and "Traceback" not in text


def test_serve_on_a_port_in_use_says_so_in_dutch_without_a_traceback(tmp_path):
    """`kwsite serve -a` on a busy port ended in Python's traceback (OSError: Address already in use)."""
    work = tmp_path / "site"
    shutil.copytree(MINI, work)
    kwsite = Path(sys.executable).with_name("kwsite")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        address = f"127.0.0.1:{busy.getsockname()[1]}"
        result = subprocess.run(
            [str(kwsite), "serve", str(work), "-a", address],
            capture_output=True,
            text=True,
            timeout=300,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"Fout: kwsite serve kan niet luisteren op {address}: dat adres is al in gebruik" in result.stderr
