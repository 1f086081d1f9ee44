"""Action lines and improvement lines (actielijnen, verbeterlijnen) per unit.

Source: S0 (Clusius College, Actie- en verbeterlijnen MBO 2020-2022) and S1
(Clusius College Hoorn, vmbo). Each line is a row of the source table with its
six fields: goal (*Wat is het doel?*), intended results (*Wat is het beoogde
resultaat?*), actions (*Wat is de actie?*), monitoring (*Hoe kun je het
resultaat volgen?*), timeline (*Wat is het tijdspad?*) and owners (*Wie is de
eigenaar?*). Texts are kept as written (cells reassembled, hyphenation joined).

An *actielijn* always has an owner; a *verbeterlijn* shows results within a
time span fixed beforehand (S0 L4-7) — both checked by :mod:`kwsite.linerules`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from .. import timeline as tl
from .base import Id, Model, Number, Sourced, Text
from .execution import ProgressEntry
from .indicator import Scale, Unit

LineKind = Literal["actielijn", "verbeterlijn"]


class Owner(Model):
    """An owner: a role ("MT mbo", "SPA e-learning"), a person, or a role held by a person.

    ``person`` is a personal name (S0: "J.R.H. Holtz"). It is shown only when
    the publisher sets ``show_person_names: true``; otherwise
    :func:`kwsite.privacy.redact` removes it before any page is made.
    """

    role: Text | None = None
    person: Text | None = None

    @model_validator(mode="after")
    def _role_or_person(self) -> Owner:
        if self.role is None and self.person is None:
            raise ValueError("eigenaar heeft een rol (role) of een persoon (person) nodig")
        return self


class LineTarget(Model):
    """A numeric target the source states inside a line's text ("VSV is maximaal 3,5 %").

    Not an indicator :class:`~kwsite.model.Target`: the source gives no target
    year, and none is invented. Kinds: ``value``, ``minimum``, ``maximum``,
    ``from_to`` (``baseline`` → ``value``, "van 7,9 naar een 8,5"), ``increase``
    (``value`` is the rise in ``unit``, "met 5% verhoogd"). ``label`` names what
    is measured; ``as_written`` is the source's phrase.
    """

    label: Text
    kind: Literal["value", "minimum", "maximum", "from_to", "increase"]
    unit: Unit
    value: Number
    baseline: Number | None = None
    scale: Scale | None = None
    per: Text | None = None
    """A period the value applies to, as written ("per jaar")."""
    as_written: Text

    @model_validator(mode="after")
    def _baseline_for_from_to(self) -> LineTarget:
        if self.kind == "from_to" and self.baseline is None:
            raise ValueError("streefwaarde 'from_to' mist: baseline")
        return self


class Line(Sourced):
    """One action or improvement line (a row of the source table).

    ``time_box`` is, for a line whose timeline names no year, the end of its
    time span as the *same row* writes it elsewhere (S1: "Meerjarenplan
    20-22" in the monitoring cell); it is shown as such.
    """

    id: Id
    kind: LineKind
    category: Text
    goal: Text
    results: list[Text] = []
    actions: list[Text] = []
    monitoring: list[Text] = []
    timeline: list[Text] = []
    time_box: Text | None = None
    owners: list[Owner] = []
    targets: list[LineTarget] = []
    note: Text | None = None
    """Editorial note (own words), e.g. where the source's cells were hard to separate."""
    progress: list[ProgressEntry] = []
    """State of execution over time (:mod:`kwsite.model.execution`); empty when the data give none."""

    @property
    def schedule(self) -> tl.Timeline:
        """The timeline read by :func:`kwsite.timeline.parse`."""
        return tl.parse(self.timeline)

    @property
    def time_box_end(self) -> int | None:
        """Last year of the time span: from the timeline, else from ``time_box``."""
        end = self.schedule.end
        if end is None and self.time_box:
            end = tl.parse([self.time_box]).end
        return end


class LineSet(Sourced):
    """The lines of one unit (``lines.yaml``, one entry per unit).

    ``title`` is the source document's title; ``plan`` the plan it belongs to
    ("Meerjarenplan 20-22"); ``intro`` Markdown in the editors' own words.
    """

    unit: Id
    title: Text
    plan: Text | None = None
    intro: Text | None = None
    lines: list[Line]

    def of_kind(self, kind: str) -> list[Line]:
        return [line for line in self.lines if line.kind == kind]
