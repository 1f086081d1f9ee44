"""Measures (maatregelen) per theme, as in S3 Bijlage 1.

``group`` is ``programma`` or ``begeleiding`` (*Begeleiding, ondersteuning en
stimulering*); a measure the source puts under a heading of its own instead
(S3 r. 6031 "Aanvullende maatregelen ter voorkoming van voortijdig
schoolverlaten") has that ``heading`` and no group. ``units`` names the colleges the source names for the measure;
``partners`` the outside partners, as written.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from .base import Id, Sourced, Text
from .execution import ProgressEntry


class Measure(Sourced):
    """One measure: title as in the source, summary in the editors' own words."""

    id: Id
    theme: Id
    group: Literal["programma", "begeleiding"] | None = None
    heading: Text | None = None
    title: Text
    summary: Text | None = None
    units: list[Id] = []
    partners: list[Text] = []
    items: list[Text] = []
    """Sub-items the source lists under the measure (titles, as written)."""
    progress: list[ProgressEntry] = []
    """State of execution over time (:mod:`kwsite.model.execution`); empty when the data give none."""

    @model_validator(mode="after")
    def _group_or_heading(self) -> Measure:
        if (self.group is None) == (self.heading is None):
            raise ValueError("een maatregel heeft een group (programma, begeleiding) of een eigen heading, precies één")
        return self
