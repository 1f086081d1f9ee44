"""Organisational units (mbo-colleges, schools, branches).

Source of the flagship values: S3 tables in chapters 6-8 (codes 5100-5810 for
ROCvA, 7100-7200 for ROCvF, and the abbreviations such as "Amstlnd").
"""

from __future__ import annotations

from typing import Literal

from .base import Id, Sourced, Text


class Unit(Sourced):
    """One unit; ``aliases`` list every label a table uses for it."""

    id: Id
    name: Text
    short_name: Text
    code: Text | None = None
    institution: Id
    kind: Literal["college", "school", "vestiging", "team"] = "college"
    aliases: list[Text] = []
    description: Text | None = None
    """Markdown, in the editors' own words."""
    institution_derived: Text | None = None
    """Set when the source does not say which institution the unit belongs to: how the editors
    derived ``institution`` (own words). The appendix then shows the institution as derived."""
