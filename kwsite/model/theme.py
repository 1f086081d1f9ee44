"""Themes (thema's) with their ambitions and goals.

Source of the flagship values: S3 chapter 4.1 (five themes, three of them
national) and the theme chapters 6-10.
"""

from __future__ import annotations

from typing import Literal

from .base import Id, Sourced, Text

NationalTheme = Literal["kwetsbare_jongeren", "gelijke_kansen", "arbeidsmarkt"]


class Goal(Sourced):
    """A goal (doel/doelstelling) of a theme; ``text`` as the source titles it."""

    id: Id
    text: Text
    horizon: int | None = None
    indicator: Text | None = None
    """The process or effect indicator the source gives with the goal (S4), as its own words."""


class Theme(Sourced):
    """A theme of the agenda.

    ``number`` is the theme's number in the agenda (1-5); ``chapter`` the
    narrative chapter that treats it (6-10 in S3). ``national`` names the
    national theme it is, if any. ``kind`` is ``precondition`` for a
    *voorwaarde* (S4), rendered as such rather than as a theme.
    Text fields are Markdown in the editors' own words.
    """

    id: Id
    number: int
    title: Text
    short_title: Text
    chapter: int | None = None
    kind: Literal["theme", "precondition"] = "theme"
    national: NationalTheme | None = None
    aliases: list[Text] = []
    ambitions: list[Text] = []
    goals: list[Goal] = []
    monitor: Text | None = None
    attainment_rule: Text | None = None
    sustainability: Text | None = None
    summary: Text | None = None
