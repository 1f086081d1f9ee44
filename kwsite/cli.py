"""Command line: ``kwsite validate``, ``kwsite build``, ``kwsite serve``.

``validate`` prints every problem as ``FILE:LINE:COL field: message`` and exits
1 when there is an error (warnings alone exit 0, or 1 with ``--strict``).
Acknowledged problems (level ``note``) are listed as ``waarschuwing (erkend)``
and never change the exit code.
``build`` and ``serve`` run MkDocs with the site's ``mkdocs.yml``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from .build import load_site
from .directives import check_content
from .problems import KwsiteError


@click.group()
def main() -> None:
    """kwsite: publiceer een kwaliteitsagenda als website."""


@main.command()
@click.argument("site_dir", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Waarschuwingen tellen als fouten.")
def validate(site_dir: Path, strict: bool) -> None:
    """Controleer data/ van SITE_DIR en meld alle problemen tegelijk."""
    try:
        site, found = load_site(site_dir / "data", "data")
        content = site_dir / "content"
        if content.is_dir():
            unknown = check_content(site, content)
            if unknown:
                raise KwsiteError(unknown)
    except KwsiteError as exc:
        click.echo(str(exc), err=True)
        click.echo(f"{len(exc.problems)} fout(en).", err=True)
        sys.exit(1)
    known = [p for p in found if p.level == "note"]
    found = [p for p in found if p.level != "note"]
    for problem in found:
        click.echo(f"waarschuwing: {problem}", err=True)
    for problem in known:
        click.echo(f"waarschuwing (erkend): {problem}", err=True)
    if found and strict:
        sys.exit(1)
    erkend = f", {len(known)} erkend" if known else ""
    click.echo(f"In orde ({len(found)} waarschuwing(en){erkend}).")


def _mkdocs(args: list[str], site_dir: Path) -> None:
    code = subprocess.call([sys.executable, "-m", "mkdocs", *args], cwd=site_dir)
    sys.exit(code)


@main.command()
@click.argument("site_dir", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--strict/--no-strict", default=True, help="Stop bij elke waarschuwing (standaard aan).")
def build(site_dir: Path, strict: bool) -> None:
    """Bouw de website van SITE_DIR naar SITE_DIR/site."""
    _mkdocs(["build", *(["--strict"] if strict else [])], site_dir)


@main.command()
@click.argument("site_dir", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
def serve(site_dir: Path) -> None:
    """Bekijk de website live; data/ wordt ook gevolgd."""
    _mkdocs(["serve", "--livereload"], site_dir)


if __name__ == "__main__":
    main()
