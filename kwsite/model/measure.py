"""Measures (maatregelen) per theme, as in S3 Bijlage 1.

``group`` is ``programma`` or ``begeleiding`` (*Begeleiding, ondersteuning en
stimulering*). ``units`` names the colleges the source names for the measure;
``partners`` the outside partners, as written.
"""

from __future__ import annotations

from typing import Literal

from .base import Id, Sourced, Text


class Measure(Sourced):
    """One measure: title as in the source, summary in the editors' own words."""

    id: Id
    theme: Id
    group: Literal["programma", "begeleiding"]
    title: Text
    summary: Text | None = None
    units: list[Id] = []
    partners: list[Text] = []
    items: list[Text] = []
    """Sub-items the source lists under the measure (titles, as written)."""
