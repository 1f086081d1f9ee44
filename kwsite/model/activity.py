"""Specific activities per theme, funded from the quality funds, with their budget per year.

Source of the example values: S4 (Noorderpoort) chapter 6, the tables
"Activiteiten / Budget 2019" of each theme and of the precondition. The source
prints amounts for 2019 only and no currency; a year that is not given is *not
set* (shown as "niet vastgesteld"), never zero. Any total is computed and shown
as computed.
"""

from __future__ import annotations

from .base import Count, Id, Sourced, Text, Year


class Activity(Sourced):
    """One activity (``activities.yaml``).

    ``label`` is its letter in the source (``a``); ``title`` as printed.
    ``budget`` maps a year to the amount printed for it (whole currency units as
    printed, ``80000`` for "80.000"). ``goals`` are the sub-goals the elaboration
    lists (facts as printed), ``items`` the activities it names, ``partners``
    the partners; ``summary`` is the elaboration in the editors' own words.
    """

    id: Id
    theme: Id
    label: Text
    title: Text
    budget: dict[Year, Count] = {}
    summary: Text | None = None
    goals: list[Text] = []
    items: list[Text] = []
    partners: list[Text] = []
    see: Id | None = None
    """Another activity whose elaboration this one shares (S4: "zie thema 3")."""
    goals_for: Year | None = None
    """The year the source sets ``goals`` for (S4 L1944: "Voor 2020 zijn de volgende
    doelstellingen geformuleerd"); shown as "Doelen voor 2020"."""
