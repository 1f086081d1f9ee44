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

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .dutch import install_click
from .dutch import run as run_mkdocs
from .problems import KwsiteError, notes, warnings

if TYPE_CHECKING:
    from .project import Project


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
@click.option(
    "--strict/--no-strict", default=True, help="Waarschuwingen tellen als fouten (standaard aan, zoals bij bouwen)."
)
def validate(site_dir: Path, strict: bool) -> None:
    """Controleer data/ en content/ van SITE_DIR en meld alle problemen tegelijk.

    Eén regel per probleem: ``BESTAND:REGEL:KOLOM veld: melding``. Exitstatus 1
    bij een fout of een waarschuwing (zoals de build); met ``--no-strict`` tellen
    waarschuwingen niet mee.
    """
    from . import placeholders, siteconfig
    from .directives import check_content
    from .load import load_site
    from .pagecheck import page_problems, read_pages, section_pages

    errors, warned = [], []
    project = _project(site_dir, strict)
    content = project.docs_dir
    outside = siteconfig.data_outside(project.root, project.data_dir)
    if outside:
        click.echo(outside[0].display(), err=True)
        click.echo("1 fout(en), 0 waarschuwing(en).", err=True)
        sys.exit(1)
    try:
        site, warned = load_site(project.data_dir, project.data_rel)
        found = siteconfig.check(project, site)[1]
        errors += [p for p in found if p.level == "error"]
        warned = sorted(warned + [p for p in found if p.level != "error"])
        if content.is_dir():
            errors += check_content(site, content, content.name)
        pages = page_problems(project, read_pages(project), section_pages(site))  # nav and links, as the build
        errors += [p for p in pages if p.level == "error"]
        warned = sorted(warned + [p for p in pages if p.level != "error"])
    except KwsiteError as exc:
        errors, warned = exc.problems, exc.warnings
        errors = errors + siteconfig.without_site(project)  # what needs no data is still checked
        if content.is_dir():
            errors = errors + check_content(None, content, content.name)
    warned = [*warned, *placeholders.check_site(project.root, project.docs_rel, project.data_rel)]
    for problem in [*errors, *warned]:
        click.echo(problem.display(), err=True)
    known = notes(warned)  # acknowledged in the data: listed, never failing
    warned = warnings(warned)
    erkend = f", {len(known)} erkend" if known else ""
    if errors or (warned and strict):
        click.echo(f"{len(errors)} fout(en), {len(warned)} waarschuwing(en){erkend}.", err=True)
        sys.exit(1)
    click.echo(f"In orde ({len(warned)} waarschuwing(en){erkend}).")


def _project(site_dir: Path, strict: bool = True) -> Project:
    """The project in ``SITE_DIR`` (:mod:`kwsite.mkdocsproject`: MkDocs reads ``mkdocs.yml``, once);
    exit 1 with MkDocs' messages, in Dutch where kwsite knows them, when it does not load."""
    from .mkdocsproject import load

    try:
        return load(site_dir, strict)
    except KwsiteError as exc:
        for problem in exc.problems:
            click.echo(f"{problem.file}: {problem.message}", err=True)
        click.echo(f"{len(exc.problems)} fout(en), 0 waarschuwing(en).", err=True)
        sys.exit(1)


@main.command()
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path), callback=_existing_dir)
@click.option("--strict/--no-strict", default=True, help="Stop bij elke waarschuwing (standaard aan).")
@click.option(
    "--offline",
    is_flag=True,
    help="Een site die werkt als map op schijf (file://): links naar index.html, zoeken zonder server.",
)
def build(site_dir: Path, strict: bool, offline: bool) -> None:
    """Bouw de website van SITE_DIR naar de site_dir uit mkdocs.yml.

    Er wordt eerst in een aparte map gebouwd; pas als dat lukt, komt de nieuwe
    versie op de plaats van de oude. Een mislukte bouw laat de vorige versie staan.
    Met --offline opent de site ook als bestanden (site/index.html), zonder webserver.
    """
    from . import siteconfig

    from .offline import ENV as offline_env
    from .sitefolder import Busy, build_lock, fewer_collections, swap

    _site_config(site_dir)
    project = _project(site_dir, strict)
    target = project.site_dir.resolve()
    raw = (site_dir / "mkdocs.yml").read_text(encoding="utf-8", errors="replace")
    folders = siteconfig.site_dir_problems(project.data_dir, project.docs_dir, target, raw)
    if folders:
        for problem in folders:
            click.echo(problem.display(), err=True)
        click.echo("Bouwen niet begonnen; er is niets veranderd.", err=True)
        sys.exit(1)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with build_lock(target):
            staging = target.with_name(f".{target.name}.nieuw")
            shutil.rmtree(staging, ignore_errors=True)
            with fewer_collections():
                code = run_mkdocs(
                    ["build", "--strict" if strict else "--no-strict", "--site-dir", str(staging)],
                    site_dir,
                    {offline_env: "1"} if offline else None,
                )
            if code != 0:
                shutil.rmtree(staging, ignore_errors=True)
                kept = (
                    "de vorige versie in " + str(target) + " blijft staan"
                    if target.exists()
                    else "er is niets gepubliceerd"
                )
                click.echo(f"Bouwen mislukt; {kept}.", err=True)
                sys.exit(code)
            swap(staging, target)
    except Busy:
        click.echo(
            f"Er loopt al een bouw naar {target}; wacht tot die klaar is en probeer het opnieuw. "
            "Er is niets veranderd.",
            err=True,
        )
        sys.exit(1)
    click.echo(f"Gebouwd: {target}", err=True)


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
    from .load import load_site
    from .pages.changes import render

    project = _project(site_dir)
    try:
        site, _ = load_site(project.data_dir, project.data_rel)
        ref = against or site.agenda.edition.previous
        old = load_previous(project.root, project.data_dir, ref) if ref else None
    except KwsiteError as exc:
        _fail(exc)
    except PreviousEditionError as exc:
        click.echo(f"vergelijken met '{ref}' lukt niet: {exc}", err=True)
        sys.exit(1)
    click.echo(render(site, old, compare(old, site) if old else None).content)


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path), callback=_existing_dir)
@click.option("--sheet", help="Naam van het blad (standaard het eerste zichtbare).")
def import_(file: Path, site_dir: Path, sheet: str | None) -> None:
    """Lees realisaties uit FILE (.xlsx of .csv) in data/realisations.csv; bij een fout wordt niets geschreven."""
    from . import siteconfig
    from .sheetimport import import_file

    project = _project(site_dir)
    data_rel = project.data_rel
    outside = siteconfig.data_outside(project.root, project.data_dir)
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
    click.echo(
        f"{data_rel}/realisations.csv bijgewerkt: {what}" if found.written else f"Niets veranderd ({what}).", err=True
    )


@main.command()
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path), callback=_existing_dir)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Bestand .csv of .xlsx (standaard: CSV naar de terminal).",
)
def export(site_dir: Path, output: Path | None) -> None:
    """Schrijf alle realisaties als tabel (zoals 'kwsite import' die leest)."""
    from .load import load_site
    from .sheetexport import export_bytes

    project = _project(site_dir)
    data_rel = project.data_rel
    try:
        site, _ = load_site(project.data_dir, data_rel)
    except KwsiteError as exc:
        _fail(exc)
    kind = output.suffix.lower().lstrip(".") if output else "csv"
    if kind not in ("csv", "xlsx"):
        click.echo(f"{output}: verwacht een naam op .csv of .xlsx", err=True)
        sys.exit(2)
    if output is not None and output.resolve().is_relative_to(project.data_dir.resolve()):
        click.echo(
            f"{output}: een export hoort niet in {data_rel}/ (daar leest de site; "
            f"{data_rel}/realisations.csv schrijft 'kwsite import')",
            err=True,
        )
        sys.exit(2)
    data = export_bytes(site, kind)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        try:
            output.write_bytes(data)
        except OSError as exc:
            import errno

            why = {
                errno.ENOENT: "de map bestaat niet",
                errno.EACCES: "geen schrijfrechten",
                errno.EISDIR: "dat is een map",
            }.get(exc.errno, type(exc).__name__)
            click.echo(f"{output}: schrijven lukt niet ({why})", err=True)
            sys.exit(1)
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
    from .load import load_site

    project = _project(site_dir)
    try:
        site, _ = load_site(project.data_dir, project.data_rel)
    except KwsiteError as exc:
        _fail(exc)
    own = site.agenda.edition
    if edition and edition != own.id:
        click.echo(
            f"{project.data_rel}/agenda.yaml: editie is '{own.id}', niet '{edition}'; pas agenda.edition.id aan",
            err=True,
        )
        sys.exit(1)
    git = ["--remote", remote, "--branch", branch]
    title = f"{own.label} ({own.status})"
    deploy = [
        "deploy",
        *git,
        "--update-aliases",
        "--alias-type",
        "redirect",
        "--title",
        title,
        own.id,
        *(["latest"] if latest else []),
    ]
    # mike runs `mkdocs build` from PATH: put this interpreter's scripts first
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    }
    # after the deploy: downloads and pages gone from this edition under /latest/ (kwsite.latest); push last
    complete = [
        sys.executable,
        "-m",
        "kwsite.latest",
        branch,
        own.id,
        *([] if project.use_directory_urls else ["--no-directory-urls"]),
    ]
    steps = [
        ("mike deploy", [sys.executable, "-c", MIKE, *deploy]),
        *([("latest", complete)] if latest else []),
        *([("mike set-default", [sys.executable, "-c", MIKE, "set-default", *git, "latest"])] if latest else []),
        *([("git push", ["git", "push", "--", remote, branch])] if push else []),
    ]
    for label, args in steps:
        code = subprocess.call(args, cwd=site_dir, env=env)
        if code != 0:
            click.echo(f"{label} mislukt (exit {code})", err=True)
            sys.exit(code)
    click.echo(f"Gepubliceerd: editie {own.id} op tak {branch}" + (" (latest)" if latest else ""), err=True)


@main.command()
@click.option(
    "-o",
    "--output",
    "output",
    default="schema",
    type=click.Path(file_okay=False, path_type=Path),
    help="Map voor de schema's (standaard schema/).",
)
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
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="PDF-bestand (standaard SITE_DIR/site/downloads/kwaliteitsagenda.pdf).",
)
def pdf(site_dir: Path, output: Path | None) -> None:
    """Maak de PDF-uitgave van SITE_DIR (tagged PDF/UA-1), zonder de website te bouwen."""
    import time

    from . import pdf as edition
    from .pdf.site import megabytes

    start = time.perf_counter()
    project = _project(site_dir)
    try:
        result = edition.build(edition.collect(project))
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
