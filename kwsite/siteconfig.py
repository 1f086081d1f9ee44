"""Checks of a site's ``mkdocs.yml`` and folders that the build and ``kwsite validate`` share, so
that ``validate`` says "In orde" only when the build would not stop on them. Every nav check is here.
They work on the :class:`kwsite.project.Project` (the folders and nav MkDocs resolved).

- Folders: the data and docs folders lie inside the site's folder; ``site_dir`` is neither one of
  them nor contains one (MkDocs empties ``site_dir`` before it writes: ``site_dir: data`` would
  delete the data). Nothing in the docs folder is a link to outside it, or anything but a file or
  a folder (a committed ``content/env.md → /proc/self/environ`` would publish the build's
  environment).
- Nav: every ``kwsite:<section>`` placeholder is known (a typo gets the nearest name as a hint);
  ``[[ref]]`` in a nav title is expanded like in a page, an unknown one is an error; an entry that
  points at a heading (``index.md#opbouw``) is refused (MkDocs would look it up as a file, only warn
  that it "is not found" and a strict build stops: MkDocs issue #4026); every path is a page.
- ``copyright`` passes the HTML allow-list and ``site_author`` becomes plain text: both are put in
  every page without escaping.

Problems name ``mkdocs.yml`` and, where the text can be found there, its line and column.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from pathlib import Path

from .directives import expand
from .model import Site
from .pages import PLACEHOLDER, SECTIONS
from .problems import Problem
from .project import CONFIG, Project
from .sanitize import clean_html, plain_text


def _where(raw: str, needle: str) -> tuple[int, int]:
    """Line and column of the first ``needle`` in the text of ``mkdocs.yml`` (0, 0 when not found)."""
    at = raw.find(needle)
    if at < 0:
        return 0, 0
    return raw.count("\n", 0, at) + 1, at - (raw.rfind("\n", 0, at) + 1) + 1


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def folder_problems(root: Path, data_dir: Path, docs_dir: Path, site_dir: Path, raw: str = "") -> list[Problem]:
    """The folder rules above for the site in ``root``."""
    out = site_dir_problems(data_dir, docs_dir, site_dir, raw)
    if not _inside(docs_dir, root):
        out.append(
            Problem(
                CONFIG,
                *_where(raw, "docs_dir"),
                "docs_dir",
                f"map '{os.path.relpath(docs_dir, root)}' ligt buiten de map van de site",
            )
        )
    elif docs_dir.is_dir():
        out += confined(docs_dir, docs_dir.name)
    return out


def site_dir_problems(data_dir: Path, docs_dir: Path, site_dir: Path, raw: str = "") -> list[Problem]:
    """``site_dir`` is neither the data or docs folder nor contains one (the build empties it)."""
    out = []
    for name, folder in (("data_dir", data_dir), ("docs_dir", docs_dir)):
        site, other = site_dir.resolve(), folder.resolve()
        if other == site or other.is_relative_to(site):
            out.append(
                Problem(
                    CONFIG,
                    *_where(raw, "site_dir"),
                    "site_dir",
                    f"site_dir '{site_dir.name}' is of bevat {name} '{folder.name}'; de bouw zou die map leegmaken",
                )
            )
    return out


def data_outside(root: Path, data_dir: Path) -> list[Problem]:
    """A problem when the data folder lies outside the site's folder (checked before anything is read)."""
    if _inside(data_dir, root):
        return []
    try:
        raw = (root / CONFIG).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raw = ""
    shown = os.path.relpath(data_dir, root)
    return [Problem(CONFIG, *_where(raw, "data_dir"), "data_dir", f"map '{shown}' ligt buiten de map van de site")]


def confined(folder: Path, rel: str) -> list[Problem]:
    """Every entry under ``folder`` that is a link to outside it or not a regular file or folder."""
    out = []
    top = folder.resolve()
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            shown = f"{rel}/{path.relative_to(folder).as_posix()}"
            if path.is_symlink() and not path.resolve().is_relative_to(top):
                out.append(
                    Problem(shown, 0, 0, "", f"koppeling naar buiten {rel}/; wordt niet gelezen of gepubliceerd")
                )
                if name in dirnames:
                    dirnames.remove(name)
                continue
            mode = path.stat().st_mode if path.exists() else 0
            if mode and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                out.append(Problem(shown, 0, 0, "", "geen gewoon bestand; wordt niet gelezen of gepubliceerd"))
    return out


ENTRY = re.compile(r"^(\s*-\s*(?:(?:\"[^\"]*\"|'[^']*'|[^:#\"']+):\s*)?)([\w./\- ]+\.md)#([\w\-.]+)\s*(?:#.*)?$")
"""``  - Titel: pagina.md#anker`` or ``  - pagina.md#anker`` (a YAML comment after it allowed)."""


def anchored_nav(config: Path | None) -> list[Problem]:
    """Errors for every nav entry of ``config`` (``mkdocs.yml``) with a ``#anchor``; ``[]`` without one."""
    if config is None or not config.is_file():
        return []
    problems, in_nav = [], False
    for number, line in enumerate(config.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if re.match(r"^\S", line):
            in_nav = line.startswith("nav:")
            continue
        match = ENTRY.match(line) if in_nav else None
        if match:
            page, anchor = match.group(2).strip(), match.group(3)
            problems.append(
                Problem(
                    config.name,
                    number,
                    len(match.group(1)) + 1,
                    "nav",
                    f"'{page}#{anchor}' verwijst naar een kop; MkDocs kan in de nav alleen naar een "
                    f"pagina verwijzen (het zou de pagina niet vinden). Schrijf '{page}': de inhoud "
                    "van de pagina leidt naar de kop",
                )
            )
    return problems


def placeholder_problems(nav, raw: str = "") -> list[Problem]:
    """Unknown ``kwsite:<section>`` placeholders in ``nav``, with the nearest known one as a hint."""
    out = []
    for item in _walk(nav):
        if isinstance(item, str) and item.startswith(PLACEHOLDER) and item[len(PLACEHOLDER) :] not in SECTIONS:
            guess = difflib.get_close_matches(item[len(PLACEHOLDER) :], SECTIONS, n=1, cutoff=0.5)
            hint = f"; bedoelt u {PLACEHOLDER}{guess[0]}?" if guess else f" (bekend: {', '.join(SECTIONS)})"
            out.append(Problem(CONFIG, *_where(raw, item), "nav", f"onbekende plaatshouder '{item}'{hint}"))
    return out


def nav_path_problems(nav, site: Site, docs_dir: Path, raw: str = "") -> list[Problem]:
    """Every page path in ``nav`` (as written in mkdocs.yml) is a file inside the docs folder or a
    page kwsite generates: one outside the folder or with a control character is an error, a
    missing one a warning (MkDocs leaves it out of the nav; a strict build stops on it)."""
    from .pages import nav as section_nav, nav_pages

    generated = {path for s in SECTIONS for _, path in nav_pages(section_nav(site, s))}
    out = []
    for item in _walk(nav):
        if (
            not isinstance(item, str)
            or item.startswith(PLACEHOLDER)
            or "://" in item
            or item.startswith(("mailto:", "#"))
        ):
            continue
        where = _where(raw, item)
        if any(ord(ch) < 32 for ch in item):
            out.append(Problem(CONFIG, *where, "nav", "pad bevat een stuurteken"))
        elif item.startswith("/") or not (docs_dir / item).resolve().is_relative_to(docs_dir.resolve()):
            out.append(Problem(CONFIG, *where, "nav", f"'{item}' ligt buiten {docs_dir.name}/"))
        elif not (docs_dir / item).is_file() and item not in generated:
            out.append(
                Problem(
                    CONFIG,
                    *where,
                    "nav",
                    f"'{item}' staat niet in {docs_dir.name}/ en wordt niet gegenereerd",
                    "warning",
                )
            )
    return out


def _walk(items):
    if isinstance(items, list):
        for item in items:
            yield from _walk(item)
    elif isinstance(items, dict):
        for value in items.values():
            yield from _walk(value)
    else:
        yield items


def expand_titles(nav, site: Site, raw: str = "") -> tuple[list, list[Problem]]:
    """``nav`` (placeholders already expanded) with ``[[ref]]`` in its titles expanded, and the problems."""
    problems: list[Problem] = []

    def title(text: str) -> str:
        if "[[" not in text:
            return text
        line, col = _where(raw, text)
        new, more = expand(text, site, CONFIG, line)
        problems.extend(
            Problem(CONFIG, p.line, p.col + col - 1 if line else 0, "nav", f"{p.path}: {p.message}") for p in more
        )
        return new

    def walk(items):
        if isinstance(items, list):
            return [walk(i) for i in items]
        if isinstance(items, dict):
            return {title(k) if isinstance(k, str) else k: walk(v) for k, v in items.items()}
        return items

    return walk(nav), problems


def sinks(config) -> None:
    """``copyright`` through the allow-list and ``site_author`` as plain text (in place)."""
    if config.get("copyright"):
        config["copyright"] = clean_html(str(config["copyright"]))
    if config.get("site_author"):
        config["site_author"] = plain_text(str(config["site_author"]))


def shows_changes(project: Project) -> bool:
    """Whether the site has the page "Wat is er veranderd": no nav, or a nav naming ``kwsite:changes``."""
    from .pages import nav_mentions

    return project.nav is None or nav_mentions(project.nav, PLACEHOLDER + "changes")


def previous_problems(project: Project, site: Site) -> list[Problem]:
    """The previous edition must load when the site shows "Wat is er veranderd" (as the build does)."""
    from .editions import PreviousEditionError, load_previous

    ref = site.agenda.edition.previous
    if not ref or not shows_changes(project):
        return []
    try:
        load_previous(project.root, project.data_dir, ref)
    except PreviousEditionError as exc:
        return [
            Problem(f"{project.data_rel}/agenda.yaml", 0, 0, "agenda.edition.previous", f"vorige editie '{ref}': {exc}")
        ]
    return []


def without_site(project: Project) -> list[Problem]:
    """The rules that need no loaded data: nav entries with an anchor, folders, links out of the docs
    folder, nav placeholders (also reported when the data has errors, so that every problem is listed
    at once)."""
    root, raw = project.root, project.raw
    problems = anchored_nav(project.config_file) + data_outside(root, project.data_dir)
    problems += folder_problems(root, project.data_dir, project.docs_dir, project.site_dir, raw)
    return problems + (placeholder_problems(project.nav, raw) if project.nav else [])


def check(project: Project, site: Site, previous: bool = True) -> tuple[list | None, list[Problem]]:
    """Every rule of this module on ``project``: (the nav with placeholders and title directives
    expanded, or ``None`` without a nav; the problems). ``previous``: also load the previous edition
    (the plugin loads it itself)."""
    from .pages import expand_nav

    raw = project.raw
    problems = without_site(project)
    problems += previous_problems(project, site) if previous else []
    nav = project.nav
    if nav:
        if not any(p.path == "nav" for p in problems):
            problems += nav_path_problems(nav, site, project.docs_dir, raw)
            nav, more = expand_titles(expand_nav(nav, site), site, raw)
            problems += more
    return nav, problems
