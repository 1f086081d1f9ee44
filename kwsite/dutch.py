"""Dutch where kwsite runs MkDocs and click itself (``kwsite build``, ``kwsite serve``, ``kwsite --help``).

Editors read these lines; MkDocs' and click's own are English ("Aborted with a BuildError!",
"Show this message and exit."). :func:`install` translates the lines an editor meets (MkDocs' build and
server messages, click's help and usage errors) and turns off Material's banner about MkDocs 2.0.
Lines not listed stay as they are. Plain ``mkdocs`` (CI, mike) is not touched.

``python -m kwsite.dutch build …`` runs MkDocs' command line with the translations in place; :func:`run`
does the same in this process (``kwsite build``).
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

MKDOCS = [
    (r"Cleaning site directory", "Sitemap wordt leeggemaakt"),
    (r"Building documentation to directory: (.*)", "Site wordt gebouwd in {0}"),
    (r"Building documentation\.\.\.", "Site wordt gebouwd…"),
    (r"Documentation built in ([\d.]+) seconds", "Site gebouwd in {0} seconden"),
    (r"Aborted with a BuildError!", "Gestopt: de site is niet gebouwd (de fout staat hierboven)."),
    (
        r"Aborted with (\d+) warnings? in strict mode!",
        "Gestopt: {0} waarschuwing(en); met --strict (standaard bij kwsite) telt elke waarschuwing als fout.",
    ),
    (r"Aborted with a configuration error!", "Gestopt: fout in mkdocs.yml (zie hierboven)."),
    (r"Aborted with (\d+) configuration warnings in 'strict' mode!", "Gestopt: {0} waarschuwing(en) in mkdocs.yml."),
    (r"Watching paths for changes: (.*)", "Volgt wijzigingen in: {0}"),
    (r"Serving on (.*)", "Voorvertoning op {0}"),
    (r"Detected file changes", "Wijziging gezien"),
    (r"Reloading browsers", "Browsers laden de pagina opnieuw"),
    (r"Browser connected: (.*)", "Browser verbonden: {0}"),
    (r"Shutting down\.\.\.", "Voorvertoning gestopt."),
    (
        r"Config value 'plugins': Plugin 'kwsite' option '([^']*)': Unrecognised configuration name: .*",
        lambda name: f"plugin kwsite: onbekende optie '{name}'{_option_hint(name)}",
    ),
    (
        r"Config value 'plugins': Plugin 'kwsite' option '([^']*)': Expected type: <class '(\w+)'> but received: "
        r"<class '(\w+)'>",
        lambda name, want, got: f"plugin kwsite: optie '{name}' verwacht {TYPES.get(want, want)}",
    ),
    (
        r"Config value 'plugins': Plugin 'kwsite' option '([^']*)': (.*)",
        lambda name, why: f"plugin kwsite: optie '{name}': {why}",
    ),
    (
        r"Config value 'site_dir': The 'docs_dir' should not be within the 'site_dir'.*",
        "site_dir: site_dir bevat docs_dir; de bouw zou de bronbestanden overschrijven of wissen",
    ),
]
"""MkDocs message (whole text, after an optional ``[hh:mm:ss] ``) → Dutch (a text with ``{0}`` … for the
groups, or a function of the groups). ``kwsite validate`` reads ``mkdocs.yml`` with the same words
(:mod:`kwsite.mkdocsproject`)."""
_MKDOCS = [(re.compile(r"(\[[\d:]+\] )?" + pattern + r"\s*", re.S), text) for pattern, text in MKDOCS]
TYPES = {"bool": "true of false", "str": "tekst", "int": "een geheel getal", "list": "een lijst"}
"""Python type names in MkDocs' messages → Dutch."""


def _option_hint(name: str) -> str:
    from dataclasses import fields

    from .hints import did_you_mean
    from .project import Options

    return did_you_mean(name, [f.name for f in fields(Options)])


CLICK = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Commando's",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Zie '{command} {option}' voor hulp.",
    "No such command {name!r}.": "Onbekend commando {name!r}.",
    "No such option: {name}": "Onbekende optie: {name}",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing command.": "Geef een commando.",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Aborted!": "Afgebroken.",
    "Directory {name} does not exist.": "Map {name} bestaat niet.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "Got unexpected extra argument ({args})": "Onverwacht extra argument ({args})",
    "Got unexpected extra arguments ({args})": "Onverwachte extra argumenten ({args})",
    "Option {name!r} requires an argument.": "Optie {name!r} verwacht een waarde.",
    "{name} {filename!r} is a directory.": "{filename!r} is een map; verwacht een bestand.",
}
"""click's gettext message ids → Dutch (click 8.x)."""


def translate(message: str) -> str:
    """The Dutch form of an MkDocs log message, or the message itself."""
    for pattern, text in _MKDOCS:
        match = pattern.fullmatch(message)
        if match:
            stamp, *groups = match.groups()
            return (stamp or "") + (text.format(*groups) if isinstance(text, str) else text(*groups))
    return message


def _gettext(message: str) -> str:
    return CLICK.get(message, message)


def install_click() -> None:
    """Dutch help and usage errors for every click command of this process."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        module._ = _gettext  # click looks `_` up at call time


def install() -> None:
    """Translate MkDocs' log lines (records of ``mkdocs.*`` loggers) and click's messages in this
    process, where kwsite runs MkDocs; silence Material's MkDocs 2.0 banner. Safe to call twice."""
    import click
    from mkdocs.exceptions import Abort

    install_click()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    Abort.show = lambda self, *args, **kwargs: click.echo("\n" + translate(self.format_message()), err=True)
    factory = logging.getLogRecordFactory()
    if getattr(factory, "kwsite_dutch", False):
        return

    def record(name, level, fn, lno, msg, args, exc_info, func=None, sinfo=None, **kwargs):
        if name.startswith("mkdocs") and isinstance(msg, str) and not args:
            msg = translate(msg)
        return factory(name, level, fn, lno, msg, args, exc_info, func, sinfo, **kwargs)

    record.kwsite_dutch = True
    logging.setLogRecordFactory(record)


def run(args: list[str], site_dir: Path, env: dict | None = None) -> int:
    """``mkdocs ARGS`` in ``site_dir`` with ``env`` added, in Dutch (:func:`install`): its exit status.
    Run in this process, which loaded MkDocs and the site's config already (a second Python process cost
    0,8 s CPU to import and read it all again); a crash prints its traceback and gives 1, as that process did.
    The folder, the environment, warning filters and MkDocs' logging are as before afterwards."""
    import traceback
    from warnings import catch_warnings

    import click

    logger = logging.getLogger("mkdocs")
    kept = (logger.propagate, logger.level, list(logger.handlers), logging.getLogRecordFactory())
    environ, before = dict(os.environ), Path.cwd()
    install()
    from mkdocs.__main__ import cli

    os.environ.update(env or {})
    os.chdir(site_dir)
    try:
        with catch_warnings():
            cli.main(args, prog_name="mkdocs")  # click ends it with SystemExit, also when it succeeds
    except SystemExit as exc:
        if isinstance(exc.code, str):
            click.echo(exc.code, err=True)
        return exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    except Exception:  # noqa: BLE001  (as Python ends a process with an uncaught exception)
        traceback.print_exc()
        return 1
    finally:
        os.chdir(before)
        os.environ.clear()
        os.environ.update(environ)
        logger.propagate, logger.handlers[:] = kept[0], kept[2]
        logger.setLevel(kept[1])
        logging.setLogRecordFactory(kept[3])
    return 0


def main() -> None:
    """``python -m kwsite.dutch ARGS``: MkDocs' command line, in Dutch where kwsite knows the words."""
    install()
    from mkdocs.__main__ import cli

    cli(prog_name="mkdocs")


if __name__ == "__main__":
    main()
