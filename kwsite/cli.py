"""Command line: ``kwsite validate``, ``kwsite build``, ``kwsite serve``.

``validate`` prints every problem as ``FILE:LINE:COL field: message`` and exits
1 when there is an error (warnings alone exit 0, or 1 with ``--strict``).
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
    """Controleer data/ en content/ van SITE_DIR en meld alle problemen tegelijk.

    Eén regel per probleem: ``BESTAND:REGEL:KOLOM veld: melding``. Exitstatus 1
    bij een fout, of bij een waarschuwing met ``--strict``; anders 0.
    """
    errors, warned = [], []
    try:
        site, warned = load_site(site_dir / "data", "data")
        content = site_dir / "content"
        if content.is_dir():
            errors = check_content(site, content)
    except KwsiteError as exc:
        errors, warned = exc.problems, exc.warnings
    for problem in [*errors, *warned]:
        click.echo(problem.display(), err=True)
    if errors or (warned and strict):
        click.echo(f"{len(errors)} fout(en), {len(warned)} waarschuwing(en).", err=True)
        sys.exit(1)
    click.echo(f"In orde ({len(warned)} waarschuwing(en)).")


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
