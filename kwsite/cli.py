"""Command line: ``kwsite validate``, ``kwsite build``, ``kwsite serve``, ``kwsite pdf``.

``validate`` prints every problem as ``FILE:LINE:COL field: message`` and exits
1 when there is an error (warnings alone exit 0, or 1 with ``--strict``).
``build`` and ``serve`` run MkDocs with the site's ``mkdocs.yml``. ``pdf``
renders the PDF edition without an MkDocs build. On a terminal the long steps
(charts, PDF) show a progress bar.
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
    for problem in found:
        click.echo(f"waarschuwing: {problem}", err=True)
    if found and strict:
        sys.exit(1)
    click.echo(f"In orde ({len(found)} waarschuwing(en)).")


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


@main.command()
@click.argument("site_dir", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="PDF-bestand (standaard SITE_DIR/site/downloads/kwaliteitsagenda.pdf).")
def pdf(site_dir: Path, output: Path | None) -> None:
    """Maak de PDF-uitgave van SITE_DIR (tagged PDF/UA-1), zonder de website te bouwen."""
    import time

    from . import pdf as edition
    from .pdf.site import megabytes
    from .progress import steps

    start = time.perf_counter()
    try:
        with steps("grafieken", _chart_count(site_dir)) as tick:
            source = edition.collect(site_dir, tick)
        with steps("PDF", edition.render_steps()) as tick:
            result = edition.build(source, tick)
    except KwsiteError as exc:
        click.echo(str(exc), err=True)
        click.echo(f"{len(exc.problems)} fout(en).", err=True)
        sys.exit(1)
    except edition.PdfError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    for message in result.warnings:
        click.echo(f"waarschuwing: PDF: {message}", err=True)
    target = output or site_dir / "site" / edition.PDF_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(result.data)
    seconds = f"{time.perf_counter() - start:.1f}".replace(".", ",")
    click.echo(f"{target}: {result.pages} pagina's, {megabytes(len(result.data))}, {seconds} s")


def _chart_count(site_dir: Path) -> int:
    try:
        site, _ = load_site(site_dir / "data", "data")
    except KwsiteError:
        return 0  # collect() reports the problems
    return len(site.indicators) + len(site.tables)


if __name__ == "__main__":
    main()
