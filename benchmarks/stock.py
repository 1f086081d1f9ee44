"""Write a kwsite site out as a stock MkDocs + Material site: the same pages as plain Markdown.

Used by ``benchmarks/run.py``; also runnable on its own::

    .venv/bin/python benchmarks/stock.py SITE OUT

``SITE`` is a kwsite site (``mkdocs.yml`` with the kwsite plugin). It is built
once with this module as an MkDocs hook, which records each page's Markdown as
MkDocs is about to convert it (after kwsite expanded its directives), every
generated file (charts, CSV/JSON downloads) and the expanded nav. ``OUT`` then
gets those pages and files under ``content/`` and a ``mkdocs.yml`` that is the
site's own minus the kwsite plugin, with the nav written out. Building ``OUT``
with stock MkDocs makes the same pages without any kwsite work.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

OUT_ENV = "KWSITE_STOCK_EXPORT"
_pages: dict[str, str] = {}
_state: dict[str, object] = {}


# --- MkDocs hook (runs inside the recording build) --------------------------------------------


def on_config(config):
    _pages.clear()
    return config


def on_page_markdown(markdown, page, config, files):
    _pages[page.file.src_uri] = markdown
    return markdown


def on_post_build(config):
    out = Path(os.environ[OUT_ENV])
    content = out / "content"
    for uri, markdown in _pages.items():
        _write(content / uri, markdown.encode("utf-8"))
    docs = Path(config.docs_dir)
    for file in _state["files"]:
        if file.src_uri in _pages:
            continue
        body = file.content_bytes if file.generated_by else (docs / file.src_uri).read_bytes()
        _write(content / file.src_uri, body)
    site = yaml.safe_load(Path(config.config_file_path).read_text(encoding="utf-8"))
    site["plugins"] = [p for p in site["plugins"] if "kwsite" not in (p if isinstance(p, str) else p)]
    site.pop("hooks", None)
    site["nav"] = _state["nav"]
    site["site_dir"] = "site"
    (out / "mkdocs.yml").write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8")


def on_files(files, config):
    _state["files"] = [f for f in files if not f.src_uri.startswith("assets/") and not _theme_file(f)]
    return files


def on_nav(nav, config, files):
    _state["nav"] = config.nav
    return nav


def _theme_file(file) -> bool:
    return file.abs_src_path is not None and "site-packages" in file.abs_src_path


def _write(path: Path, body: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)


# --- driver ------------------------------------------------------------------------------------


def export(site: Path, out: Path) -> None:
    """Build ``site`` once with this hook and write the stock copy to ``out`` (see module docstring)."""
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(Path(__file__).resolve())]
    config["site_dir"] = str(out / ".recording")
    recording = site / "mkdocs.stock-export.yml"
    recording.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **{OUT_ENV: str(out)})
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(recording)],
            cwd=site,
            env=env,
            capture_output=True,
            text=True,
        )
    finally:
        recording.unlink()
    if proc.returncode != 0:
        sys.exit(f"stock export failed:\n{proc.stderr[-3000:]}")


if __name__ == "__main__":
    export(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
