"""Command line: ``kwsite validate``, ``kwsite build``, ``kwsite serve``, ``kwsite new``, ``kwsite pdf``.

``validate`` prints every problem as ``FILE:LINE:COL field: message`` and exits
1 when there is an error (warnings alone exit 0, or 1 with ``--strict``).
``build`` and ``serve`` run MkDocs with the site's ``mkdocs.yml``. ``pdf``
renders the PDF edition without an MkDocs build. On a terminal the long steps
(charts, PDF) show a progress bar.
"""

from __future__ import annotations

import shutil
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


def _mkdocs(args: list[str], site_dir: Path) -> int:
    return subprocess.call([sys.executable, "-m", "mkdocs", *args], cwd=site_dir)


@main.command()
@click.argument("site_dir", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--strict/--no-strict", default=True, help="Stop bij elke waarschuwing (standaard aan).")
def build(site_dir: Path, strict: bool) -> None:
    """Bouw de website van SITE_DIR naar de site_dir uit mkdocs.yml.

    Er wordt eerst in een aparte map gebouwd; pas als dat lukt, komt de nieuwe
    versie op de plaats van de oude. Een mislukte bouw laat de vorige versie staan.
    """
    target = publish_dir(site_dir)
    staging = target.with_name(f".{target.name}.nieuw")
    shutil.rmtree(staging, ignore_errors=True)
    code = _mkdocs(["build", *(["--strict"] if strict else []), "--site-dir", str(staging)], site_dir)
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        kept = "de vorige versie in " + str(target) + " blijft staan" if target.exists() else "er is niets gepubliceerd"
        click.echo(f"Bouwen mislukt; {kept}.", err=True)
        sys.exit(code)
    swap(staging, target)
    click.echo(f"Gebouwd: {target}", err=True)


def publish_dir(site_dir: Path) -> Path:
    """The absolute ``site_dir`` of ``SITE_DIR/mkdocs.yml`` (MkDocs' default ``site``)."""
    from mkdocs.config import load_config

    config = load_config(str(site_dir / "mkdocs.yml"))
    return Path(config.site_dir).resolve()


def swap(new: Path, target: Path) -> None:
    """Put directory ``new`` in the place of ``target`` with two renames; the old
    version is removed only after the new one is in place."""
    old = target.with_name(f".{target.name}.oud")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


@main.command()
@click.argument("site_dir", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
def serve(site_dir: Path) -> None:
    """Bekijk de website live; data/ wordt ook gevolgd."""
    sys.exit(_mkdocs(["serve", "--livereload"], site_dir))


@main.command()
@click.argument("site_dir", type=click.Path(file_okay=False, path_type=Path))
def new(site_dir: Path) -> None:
    """Maak in SITE_DIR een nieuwe site met voorbeeldgegevens die direct bouwt."""
    from .newsite import TargetNotEmpty, create

    try:
        files = create(site_dir)
    except TargetNotEmpty:
        click.echo(f"{site_dir}: map bestaat al en is niet leeg", err=True)
        sys.exit(1)
    click.echo(f"{len(files)} bestanden gemaakt in {site_dir}. Lees README.md; bouw met: kwsite build {site_dir}")


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
    for path in result.missing:
        click.echo(f"PDF: afbeelding niet gevonden: {path}", err=True)
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
