"""Editions: the previous edition's data, and what changed since.

The previous edition is named in the data (``agenda.edition.previous``): a git
ref (tag or commit) or a directory. For a ref, ``data/`` of that commit is
extracted with ``git archive`` into a temporary directory and loaded with the
same loader, so published editions (immutable on the mike branch) and the
comparison agree on what each edition said. :func:`compare` works on two
loaded sites only and has no git in it.
"""

from __future__ import annotations

import datetime
import io
import os
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .figures import FigureChange, changed
from .gitref import REF, ref_problem  # noqa: F401  (REF: part of this module's interface)
from .load import load_site
from .model import Site
from .present import target_label
from .problems import KwsiteError, Problem


class PreviousEditionError(Exception):
    """The previous edition's data cannot be read (unknown ref, not a git repository)."""


def _git(root: Path, *args: str) -> bytes:
    try:
        return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = (
            exc.stderr.decode("utf-8", "replace").strip()
            if isinstance(exc, subprocess.CalledProcessError)
            else str(exc)
        )
        raise PreviousEditionError(detail) from None


def extract_data(root: Path, data_dir: Path, ref: str, dest: Path) -> Path:
    """Extract ``data_dir`` as it was at git ``ref`` into ``dest``; returns the extracted data dir."""
    top = Path(_git(root, "rev-parse", "--show-toplevel").decode().strip())
    rel = data_dir.resolve().relative_to(top.resolve()).as_posix()
    blob = _git(top, "archive", "--format=tar", f"{ref}:{rel}")
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def load_previous(root: Path, data_dir: Path, previous: str) -> Site:
    """The previous edition's site: ``previous`` is a directory under ``root`` or a git ref.

    Raises :class:`PreviousEditionError` when it cannot be read or does not load.
    """
    why = ref_problem(previous)
    if why:
        raise PreviousEditionError(why)
    folder = root / previous
    try:
        if folder.is_dir():
            if not folder.resolve().is_relative_to(Path(root).resolve()):
                raise PreviousEditionError(f"map '{previous}' ligt buiten de site")
            return load_site(folder, previous)[0]
        with tempfile.TemporaryDirectory(prefix="kwsite-vorige-") as tmp:
            return load_site(extract_data(root, data_dir, previous, Path(tmp)), f"{previous}:data")[0]
    except KwsiteError as exc:
        first: Problem = exc.problems[0]
        raise PreviousEditionError(f"de gegevens van de vorige editie laden niet: {first}") from None


@dataclass(frozen=True)
class TargetChange:
    indicator: str
    year: int
    breakdown: str | None
    old: str | None
    """Target text before (``None``: added)."""
    new: str | None
    """Target text now (``None``: removed)."""


@dataclass(frozen=True)
class BudgetMove:
    theme: str
    old_share: Decimal | None
    new_share: Decimal | None
    old_mln: Decimal | None
    new_mln: Decimal | None

    @property
    def delta_mln(self) -> Decimal:
        """Computed: new − old amount (a missing side counts as 0)."""
        return (self.new_mln or Decimal(0)) - (self.old_mln or Decimal(0))


@dataclass(frozen=True)
class Changes:
    """What changed between two editions; every list empty means nothing changed."""

    targets: list[TargetChange] = field(default_factory=list)
    budget: list[BudgetMove] = field(default_factory=list)
    measures_added: list[str] = field(default_factory=list)
    measures_removed: list[str] = field(default_factory=list)
    indicators_added: list[str] = field(default_factory=list)
    indicators_removed: list[str] = field(default_factory=list)
    realisations_added: list[tuple[str, int, str | None, Decimal]] = field(default_factory=list)
    """(indicator, year, unit or ``None`` for the institution, value)."""
    figures: list[FigureChange] = field(default_factory=list)
    """Every changed figure (baselines, realisations, table cells, budget rows, measure states …),
    :func:`kwsite.figures.changed`."""


def _targets(site: Site) -> dict[tuple, str]:
    return {(i.id, t.year, t.breakdown): target_label(i, t) for i in site.indicators for t in i.targets}


def _allocations(site: Site) -> dict[str, tuple[Decimal, Decimal]]:
    return {a.theme: (a.share_pct, a.amount_mln) for a in site.budget.allocations} if site.budget else {}


def compare(old: Site, new: Site) -> Changes:
    """Targets changed/added/removed (compared by their text, so a changed kind shows too),
    budget moved between themes, measures and indicators added or removed, realisations added,
    and every other changed figure (:func:`kwsite.figures.changed`)."""
    before, after = _targets(old), _targets(new)
    order = {i.id: n for n, i in enumerate(new.indicators)} | {i.id: 1000 + n for n, i in enumerate(old.indicators)}
    keys = sorted(set(before) | set(after), key=lambda k: (order.get(k[0], 9999), k[1], k[2] or ""))
    targets = [
        TargetChange(k[0], k[1], k[2], before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)
    ]
    a_old, a_new = _allocations(old), _allocations(new)
    themes = [t.id for t in new.themes] + [t for t in a_old if t not in {x.id for x in new.themes}]
    budget = [BudgetMove(t, *(_pair(a_old.get(t), a_new.get(t)))) for t in themes if a_old.get(t) != a_new.get(t)]
    m_old, m_new = {m.id for m in old.measures}, {m.id for m in new.measures}
    i_old, i_new = {i.id for i in old.indicators}, {i.id for i in new.indicators}
    r_old = {(i.id, r.year, r.unit, r.breakdown) for i in old.indicators for r in i.realisations}
    added = [
        (i.id, r.year, r.unit, r.value)
        for i in new.indicators
        for r in i.realisations
        if (i.id, r.year, r.unit, r.breakdown) not in r_old
    ]
    return Changes(
        targets=targets,
        budget=budget,
        measures_added=[m.id for m in new.measures if m.id not in m_old],
        measures_removed=[m.id for m in old.measures if m.id not in m_new],
        indicators_added=[i.id for i in new.indicators if i.id not in i_old],
        indicators_removed=[i.id for i in old.indicators if i.id not in i_new],
        realisations_added=added,
        figures=changed(old, new),
    )


def _pair(old, new) -> tuple:
    return (old[0] if old else None, new[0] if new else None, old[1] if old else None, new[1] if new else None)


MIKE_VERSION_VAR = "MIKE_DOCS_VERSION"
"""Set by ``mike deploy`` (and so by ``kwsite publish``) for the ``mkdocs build`` of an edition."""


def drop_version_selector(config, environ=None) -> bool:
    """Outside a mike build, remove ``extra.version`` from the MkDocs ``config``, so Material does not
    request ``versions.json`` (which only the mike branch has) from every page. Returns whether it did."""
    environ = os.environ if environ is None else environ
    version = config.extra.get("version") if config.extra else None
    if not isinstance(version, dict) or version.get("provider") != "mike" or environ.get(MIKE_VERSION_VAR):
        return False
    del config.extra["version"]
    return True


def edition_line(site: Site, made: datetime.datetime | None) -> str:
    """The edition as every page's footer and the PDF's page foot name it: label, the date the source
    gives (as written), and the date of this version (the commit's, so two builds agree):
    ``Aangepaste kwaliteitsagenda, 21 januari 2019 · deze versie: 14 november 2023``."""
    from babel.dates import format_date

    from .numbers import LOCALE

    edition = site.agenda.edition
    line = edition.label + (f", {edition.date}" if edition.date else "")
    if made is not None:
        line += f" · deze versie: {format_date(made.date(), 'd MMMM y', locale=LOCALE)}"
    return line
