"""Command line: ``kwsite validate``, ``kwsite build``, ``kwsite serve``, ``kwsite new``,
``kwsite pdf``, ``kwsite schema`` (JSON Schema for editors), ``kwsite publish`` (an edition with mike).

``validate`` prints every problem as ``FILE:LINE:COL field: message`` and exits
1 when there is an error or a warning (like the build, which is strict); with
``--no-strict`` warnings alone exit 0.
Acknowledged problems (level ``note``) are listed as ``waarschuwing (erkend)``
and never change the exit code.
``build`` and ``serve`` run MkDocs with the site's ``mkdocs.yml``. ``pdf``
renders the PDF edition without an MkDocs build. On a terminal the long steps
(charts, PDF) show a progress bar.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from . import siteconfig
from .build import load_site
from . import navcheck, placeholders
from .dutch import install_click
from .directives import check_content
from .problems import KwsiteError, notes, warnings


def _existing_dir(ctx, param, value: Path) -> Path:
    """Click callback: SITE_DIR must be an existing directory (message in Dutch)."""
    if not value.is_dir():
        click.echo(f"{value}: map bestaat niet", err=True)
        ctx.exit(2)
    return value


def _fail(exc: KwsiteError) -> None:
    """Print every problem of ``exc`` (one line each) and exit 1."""
    for problem in exc.problems:
        click.echo(problem.display(), err=True)
    click.echo(f"{len(exc.problems)} fout(en).", err=True)
    sys.exit(1)


def _site_config(site_dir: Path) -> Path:
    """``SITE_DIR/mkdocs.yml``; exit 1 with a Dutch message when it is missing."""
    config = site_dir / "mkdocs.yml"
    if not config.is_file():
        click.echo(f"{config}: bestand ontbreekt; is {site_dir} wel een site? (maak er een met 'kwsite new')", err=True)
        sys.exit(1)
    return config


install_click()  # click's help and errors in Dutch (kwsite.dutch)


@click.group()
def main() -> None:
    """kwsite: publiceer een kwaliteitsagenda als website."""


@main.command()
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path), callback=_existing_dir)
@click.option("--strict/--no-strict", default=True, help="Waarschuwingen tellen als fouten (standaard aan, zoals bij bouwen).")
def validate(site_dir: Path, strict: bool) -> None:
    """Controleer data/ en content/ van SITE_DIR en meld alle problemen tegelijk.

    Eén regel per probleem: ``BESTAND:REGEL:KOLOM veld: melding``. Exitstatus 1
    bij een fout of een waarschuwing (zoals de build); met ``--no-strict`` tellen
    waarschuwingen niet mee.
    """
    errors, warned = [], []
    config = _load_config(site_dir)
    data_rel = _data_rel(config)
    content = Path(config.docs_dir) if config else site_dir / "content"
    outside = siteconfig.data_outside(site_dir, site_dir / data_rel)
    if outside:
        click.echo(outside[0].display(), err=True)
        click.echo("1 fout(en), 0 waarschuwing(en).", err=True)
        sys.exit(1)
    try:
        site, warned = load_site(site_dir / data_rel, data_rel)
        if config is not None:
            found = siteconfig.check(config, site, site_dir / data_rel)[1]
            errors += [p for p in found if p.level == "error"]
            warned = sorted(warned + [p for p in found if p.level != "error"])
        elif content.is_dir():
            errors += siteconfig.confined(content, content.name)
        if content.is_dir():
            errors += check_content(site, content, content.name)
    except KwsiteError as exc:
        errors, warned = exc.problems, exc.warnings
        if config is not None:  # what needs no data is still checked
            errors = errors + siteconfig.without_site(config, site_dir / data_rel)
        if content.is_dir():
            errors = errors + check_content(None, content, content.name)
    warned = [*warned, *placeholders.check_site(site_dir)]
    errors = [*errors, *navcheck.check(site_dir / "mkdocs.yml")]
    for problem in [*errors, *warned]:
        click.echo(problem.display(), err=True)
    known = notes(warned)  # acknowledged in the data: listed, never failing
    warned = warnings(warned)
    erkend = f", {len(known)} erkend" if known else ""
    if errors or (warned and strict):
        click.echo(f"{len(errors)} fout(en), {len(warned)} waarschuwing(en){erkend}.", err=True)
        sys.exit(1)
    click.echo(f"In orde ({len(warned)} waarschuwing(en){erkend}).")


def _load_config(site_dir: Path):
    """The MkDocs config of ``SITE_DIR/mkdocs.yml`` (plugins loaded, no event run), or ``None``
    when there is no ``mkdocs.yml``; exit 1 with MkDocs' message when it does not load."""
    import logging

    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    path = site_dir / "mkdocs.yml"
    if not path.is_file():
        return None
    said: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: said.append(record.getMessage())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        return load_config(str(path))
    except (Abort, ConfigurationError) as exc:
        for message in [*said, str(exc)]:
            if message.strip() and not message.startswith("Aborted"):
                if "'docs_dir' should not be within the 'site_dir'" in message:
                    message = "site_dir: site_dir bevat docs_dir; de bouw zou de bronbestanden overschrijven of wissen"
                click.echo(f"mkdocs.yml: {message}", err=True)
        click.echo("1 fout(en), 0 waarschuwing(en).", err=True)
        sys.exit(1)
    finally:
        logger.removeHandler(handler)


def _data_rel(config) -> str:
    """The kwsite plugin's ``data_dir`` (``data`` when the config has none)."""
    plugin = config.plugins.get("kwsite") if config is not None else None
    return plugin.config.data_dir if plugin is not None else "data"


def _mkdocs(args: list[str], site_dir: Path) -> int:
    return subprocess.call([sys.executable, "-m", "kwsite.dutch", *args], cwd=site_dir)  # MkDocs, in Dutch


@main.command()
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path), callback=_existing_dir)
@click.option("--strict/--no-strict", default=True, help="Stop bij elke waarschuwing (standaard aan).")
def build(site_dir: Path, strict: bool) -> None:
    """Bouw de website van SITE_DIR naar de site_dir uit mkdocs.yml.

    Er wordt eerst in een aparte map gebouwd; pas als dat lukt, komt de nieuwe
    versie op de plaats van de oude. Een mislukte bouw laat de vorige versie staan.
    """
    config = _load_config(site_dir)
    if config is None:
        _site_config(site_dir)
    target = Path(config.site_dir).resolve()
    raw = (site_dir / "mkdocs.yml").read_text(encoding="utf-8", errors="replace")
    folders = siteconfig.site_dir_problems(site_dir / _data_rel(config), Path(config.docs_dir), target, raw)
    if folders:
        for problem in folders:
            click.echo(problem.display(), err=True)
        click.echo("Bouwen niet begonnen; er is niets veranderd.", err=True)
        sys.exit(1)
    target.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(target):
        staging = target.with_name(f".{target.name}.nieuw")
        shutil.rmtree(staging, ignore_errors=True)
        code = _mkdocs(["build", "--strict" if strict else "--no-strict", "--site-dir", str(staging)], site_dir)
        if code != 0:
            shutil.rmtree(staging, ignore_errors=True)
            kept = "de vorige versie in " + str(target) + " blijft staan" if target.exists() else "er is niets gepubliceerd"
            click.echo(f"Bouwen mislukt; {kept}.", err=True)
            sys.exit(code)
        swap(staging, target)
    click.echo(f"Gebouwd: {target}", err=True)


@contextmanager
def build_lock(target: Path):
    """Hold a lock on the folder that holds ``target`` for one build: a second ``kwsite build`` into
    the same folder stops at once with a Dutch message instead of moving the site away under the
    first. The lock is an ``flock`` on the folder itself (no lock file is left behind); it ends
    with the process, also when that crashes."""
    handle = os.open(target.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            click.echo(f"Er loopt al een bouw naar {target}; wacht tot die klaar is en probeer het opnieuw. "
                       "Er is niets veranderd.", err=True)
            sys.exit(1)
        yield
    finally:
        os.close(handle)


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
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path), callback=_existing_dir)
@click.option("-a", "--dev-addr", metavar="IP:POORT", help="Adres van de voorvertoning (standaard 127.0.0.1:8000).")
def serve(site_dir: Path, dev_addr: str | None) -> None:
    """Bekijk de website live; data/ wordt ook gevolgd.

    Na een wijziging worden alleen de pagina's herbouwd waarvan de tekst
    veranderde (zie kwsite.preview); de PDF wordt bij serve niet gemaakt.
    """
    from .servecmd import run

    os.chdir(site_dir)  # MkDocs runs in this process, so stopping it stops the server
    run(["--livereload", "--dirty", *(["-a", dev_addr] if dev_addr else [])])


@main.command()
@click.argument("site_dir", type=click.Path(file_okay=False, path_type=Path))
def new(site_dir: Path) -> None:
    """Maak in SITE_DIR een nieuwe site met voorbeeldgegevens die direct bouwt."""
    from .newsite import TargetNotEmpty, command, create

    try:
        files = create(site_dir)
    except TargetNotEmpty:
        click.echo(f"{site_dir}: map bestaat al en is niet leeg", err=True)
        sys.exit(1)
    click.echo(f"{len(files)} bestanden gemaakt in {site_dir}. Lees README.md; bouw met: {command()} build {site_dir}")


@main.command()
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path), callback=_existing_dir)
@click.option("--against", help="Git-ref of map om mee te vergelijken (standaard agenda.edition.previous).")
def changes(site_dir: Path, against: str | None) -> None:
    """Druk af wat er in data/ veranderd is (Markdown), bv. voor een pull request."""
    from .editions import PreviousEditionError, compare, load_previous
    from .pages.changes import render

    try:
        site, _ = load_site(site_dir / "data", "data")
        ref = against or site.agenda.edition.previous
        old = load_previous(site_dir, site_dir / "data", ref) if ref else None
    except KwsiteError as exc:
        _fail(exc)
    except PreviousEditionError as exc:
        click.echo(f"vergelijken met '{ref}' lukt niet: {exc}", err=True)
        sys.exit(1)
    click.echo(render(site, old, compare(old, site) if old else None).content)


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path), callback=_existing_dir)
@click.option("--sheet", help="Naam van het blad (standaard het eerste).")
def import_(file: Path, site_dir: Path, sheet: str | None) -> None:
    """Lees realisaties uit FILE (.xlsx of .csv) in data/realisations.csv; bij een fout wordt niets geschreven."""
    from .sheetimport import import_file

    data_rel = _data_rel(_load_config(site_dir))
    outside = siteconfig.data_outside(site_dir, site_dir / data_rel)
    if outside:
        click.echo(outside[0].display(), err=True)
        sys.exit(1)
    found = import_file(site_dir, file, sheet, data_rel=data_rel)
    for problem in found.ordered():
        click.echo(problem.display(), err=True)
    if found.errors:
        click.echo(f"{len(found.errors)} fout(en); niets geschreven.", err=True)
        sys.exit(1)
    what = f"{found.added} nieuw, {found.changed} gewijzigd, {found.same} ongewijzigd"
    click.echo(f"{data_rel}/realisations.csv bijgewerkt: {what}" if found.written else f"Niets veranderd ({what}).", err=True)


@main.command()
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path), callback=_existing_dir)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Bestand .csv of .xlsx (standaard: CSV naar de terminal).")
def export(site_dir: Path, output: Path | None) -> None:
    """Schrijf alle realisaties als tabel (zoals 'kwsite import' die leest)."""
    from .sheetexport import export_bytes

    data_rel = _data_rel(_load_config(site_dir))
    try:
        site, _ = load_site(site_dir / data_rel, data_rel)
    except KwsiteError as exc:
        _fail(exc)
    kind = output.suffix.lower().lstrip(".") if output else "csv"
    if kind not in ("csv", "xlsx"):
        click.echo(f"{output}: verwacht een naam op .csv of .xlsx", err=True)
        sys.exit(2)
    data = export_bytes(site, kind)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        output.write_bytes(data)
        click.echo(f"{output}: {sum(len(i.realisations) for i in site.indicators)} realisaties", err=True)


MIKE = "import sys; from mike.driver import main; sys.exit(main())"


@main.command()
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path), callback=_existing_dir)
@click.option("--edition", help="Id van de editie; moet gelijk zijn aan agenda.edition.id (standaard die waarde).")
@click.option("--latest/--not-latest", default=True, help="Maak deze editie 'latest' (standaard).")
@click.option("--remote", default="origin", show_default=True, help="Git-remote voor de gepubliceerde tak.")
@click.option("--branch", default="gh-pages", show_default=True, help="Tak met de gepubliceerde edities.")
@click.option("--push", is_flag=True, help="Push de tak naar de remote.")
def publish(site_dir: Path, edition: str | None, latest: bool, remote: str, branch: str, push: bool) -> None:
    """Publiceer de editie uit data/ met mike op de tak BRANCH.

    Bouwt de site (strict) naar /<editie>/, zet de alias 'latest' (redirect) op
    deze editie en maakt 'latest' de standaard. Eerdere edities blijven zoals ze
    gepubliceerd zijn; Material toont daar een banner naar de nieuwste.
    """
    try:
        site, _ = load_site(site_dir / "data", "data")
    except KwsiteError as exc:
        _fail(exc)
    own = site.agenda.edition
    if edition and edition != own.id:
        click.echo(f"data/agenda.yaml: editie is '{own.id}', niet '{edition}'; pas agenda.edition.id aan", err=True)
        sys.exit(1)
    git = ["--remote", remote, "--branch", branch, *(["--push"] if push else [])]
    title = f"{own.label} ({own.status})"
    deploy = ["deploy", *git, "--update-aliases", "--alias-type", "redirect", "--title", title, own.id,
              *(["latest"] if latest else [])]
    # mike runs `mkdocs build` from PATH: put this interpreter's scripts first
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    for args in [deploy, *([["set-default", *git, "latest"]] if latest else [])]:
        code = subprocess.call([sys.executable, "-c", MIKE, *args], cwd=site_dir, env=env)
        if code != 0:
            click.echo(f"mike {args[0]} mislukt (exit {code})", err=True)
            sys.exit(code)
    click.echo(f"Gepubliceerd: editie {own.id} op tak {branch}" + (" (latest)" if latest else ""), err=True)


@main.command()
@click.option("-o", "--output", "output", default="schema", type=click.Path(file_okay=False, path_type=Path),
              help="Map voor de schema's (standaard schema/).")
@click.option("--check", is_flag=True, help="Schrijf niets; exit 1 als een schema ontbreekt of verouderd is.")
def schema(output: Path, check: bool) -> None:
    """Schrijf JSON Schema's van de gegevensbestanden (voor editors en CI)."""
    from . import schema as schemas

    if check:
        old = schemas.stale(output)
        for name in old:
            click.echo(f"{output / name}: verouderd of ontbreekt; draai 'kwsite schema'", err=True)
        sys.exit(1 if old else 0)
    for path in schemas.write(output):
        click.echo(f"Geschreven: {path}", err=True)


@main.command()
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path), callback=_existing_dir)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="PDF-bestand (standaard SITE_DIR/site/downloads/kwaliteitsagenda.pdf).")
def pdf(site_dir: Path, output: Path | None) -> None:
    """Maak de PDF-uitgave van SITE_DIR (tagged PDF/UA-1), zonder de website te bouwen."""
    import time

    from . import pdf as edition
    from .pdf.site import megabytes

    start = time.perf_counter()
    try:
        result = edition.build(edition.collect(site_dir))
    except KwsiteError as exc:
        _fail(exc)
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


if __name__ == "__main__":
    main()
