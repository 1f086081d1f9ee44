"""What every open-data file says about itself: who publishes the figures, in which edition,
on which date, under which licence, and how to cite them.

Used by the open-data page, the data package (:mod:`kwsite.datapackage`) and the
spreadsheets (:mod:`kwsite.spreadsheet`). The date is the build date, which comes from the
commit (``SOURCE_DATE_EPOCH``, see :mod:`kwsite.repro`); without it no date is stated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_date

from .model import Site
from .model.agenda import LICENCES
from .numbers import LOCALE
from .repro import build_time

STATUS_TEXT = {"ingediend": "ingediend", "bijgesteld": "bijgesteld", "jaarverslag": "jaarverslag", "concept": "concept"}


@dataclass(frozen=True)
class Publication:
    """The agenda's identity as the downloads state it; ``date`` is the build date (UTC) or ``None``."""

    agenda_id: str
    title: str
    publisher: str
    edition_id: str
    edition: str
    status: str
    edition_date: str | None
    licence: str
    date: dt.datetime | None

    @classmethod
    def of(cls, site: Site, date: dt.datetime | None = None) -> Publication:
        """From ``agenda.yaml``; ``date`` defaults to :func:`kwsite.repro.build_time`."""
        agenda = site.agenda
        names = [i.name for i in agenda.institutions]
        publisher = " en ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)
        title = f"{agenda.title} {agenda.subtitle}" if agenda.subtitle else agenda.title
        edition = agenda.edition
        return cls(
            agenda.id,
            title,
            publisher,
            edition.id,
            edition.label,
            edition.status,
            edition.date,
            agenda.licence,
            date if date is not None else build_time(),
        )

    @property
    def licence_name(self) -> str:
        return LICENCES[self.licence][0]

    @property
    def licence_url(self) -> str:
        return LICENCES[self.licence][1]

    @property
    def licence_terms(self) -> str:
        """What the licence allows, in a few Dutch words."""
        return LICENCES[self.licence][2]

    @property
    def date_text(self) -> str | None:
        """``4 december 2026`` (Dutch), or ``None`` without a build date."""
        return format_date(self.date.date(), "d MMMM y", locale=LOCALE) if self.date else None

    @property
    def edition_text(self) -> str:
        """``Kwaliteitsagenda 2019-2022 (ingediend, 30 oktober 2018)``: label, status and the date as written."""
        extra = ", ".join(p for p in (STATUS_TEXT[self.status], self.edition_date) if p)
        return f"{self.edition} ({extra})"

    def citation(self) -> str:
        """How to cite the data, e.g. ``ROC van Amsterdam en ROC van Flevoland (2026). Kwaliteitsagenda
        2019-2022 ROC van Amsterdam en ROC van Flevoland: open data. Editie Kwaliteitsagenda 2019-2022
        (ingediend), stand 4 december 2026. Licentie: CC0-1.0.``"""
        year = f" ({self.date.year})" if self.date else ""
        when = f", stand {self.date_text}" if self.date else ""
        return (
            f"{self.publisher}{year}. {self.title}: open data. Editie {self.edition_text}{when}. "
            f"Licentie: {self.licence}."
        )
