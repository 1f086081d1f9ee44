"""The agenda itself: who publishes it, for which period, in which edition.

Source of the flagship values: S3 (ROC van Amsterdam + ROC van Flevoland,
Kwaliteitsagenda 2019-2022), chapter 1.1.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from .base import Id, Model, Sourced, Text, Year


LICENCES = {
    "CC0-1.0": (
        "CC0 1.0 Universeel (publiek domein)",
        "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
        "hergebruik zonder voorwaarden; een bronvermelding wordt op prijs gesteld",
    ),
    "CC-BY-4.0": (
        "Creative Commons Naamsvermelding 4.0 Internationaal",
        "https://creativecommons.org/licenses/by/4.0/deed.nl",
        "hergebruik toegestaan met bronvermelding",
    ),
    "CC-BY-SA-4.0": (
        "Creative Commons Naamsvermelding-GelijkDelen 4.0 Internationaal",
        "https://creativecommons.org/licenses/by-sa/4.0/deed.nl",
        "hergebruik toegestaan met bronvermelding en onder dezelfde licentie",
    ),
}
"""The licences ``agenda.licence`` may name: SPDX id → Dutch name, address of the licence text,
what it allows in a few words."""
Licence = Literal["CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0"]
DEFAULT_LICENCE: Licence = "CC0-1.0"
"""What the open data are published under when ``agenda.yaml`` names no licence: CC0, the
licence the Dutch government prefers for open data (data.overheid.nl), so figures of a publicly
funded institution can be reused without conditions."""


class Institution(Model):
    """An institution publishing the agenda (an ROC, AOC, ...).

    ``aliases`` are the other spellings the source uses ("ROCvA"); a table row
    labelled with an alias of *the agenda's* combined name resolves to the
    institution total.
    """

    id: Id
    name: Text
    short_name: Text
    kind: Literal["roc", "aoc", "vakinstelling"] = "roc"
    aliases: list[Text] = []


class Phase(Sourced):
    """A phase of the agenda period, e.g. 2019-2020 (firm) and 2021-2022."""

    label: Text
    start: Year
    end: Year
    note: Text | None = None


class Plan(Model):
    """A named plan with a period, e.g. the strategic plan the agenda follows."""

    name: Text
    start: Year
    end: Year


class Edition(Model):
    """Identity and status of this publication of the agenda."""

    id: Id
    label: Text
    status: Literal["ingediend", "bijgesteld", "jaarverslag", "concept"]
    date: Text | None = None
    """As written, e.g. ``30 oktober 2018``; ``None`` when the source gives none."""
    previous: Text | None = None
    """The previous edition, for the page "Wat is er veranderd": a git ref (tag or
    commit, e.g. ``editie-2019-2022``) whose ``data/`` is compared with this one,
    or a directory (relative to the site) holding a copy of that ``data/``.
    ``None`` for the first edition."""


class Agenda(Sourced):
    """The top of ``agenda.yaml``.

    ``total_name`` is the label used for the whole of the institutions together
    ("ROCvA+F"); ``total_aliases`` are all labels that mean the same total in
    tables ("Totaal ROCvAF", "ROCvAF").
    """

    id: Id
    title: Text
    subtitle: Text | None = None
    institutions: list[Institution]
    total_name: Text
    total_aliases: list[Text] = []
    period_start: Year
    period_end: Year
    phases: list[Phase] = []
    recalibration_year: Year | None = None
    strategic_plans: list[Plan] = []
    edition: Edition
    language: Literal["nl"] = "nl"
    licence: Licence = DEFAULT_LICENCE
    """Licence of the open data (downloads, ``datapackage.json``, spreadsheets); see :data:`LICENCES`."""
    goals_are_minimum: bool = False
    """The source states that the goals per horizon are minimums (S4: "In 2020 zijn minimaal de
    volgende doelstellingen behaald")."""
    activities_note: Text | None = None
    """What the agenda says about the funding of its specific activities in general, in the editors' own
    words (S4 L1436-1437: yearly funds, adjustment discussed each year); shown with the activities."""

    @model_validator(mode="after")
    def _period_order(self) -> Agenda:
        if self.period_end < self.period_start:
            raise ValueError("period_end ligt voor period_start")
        return self

    @property
    def years(self) -> range:
        """The agenda years, inclusive (2019..2022)."""
        return range(self.period_start, self.period_end + 1)
