"""Budgets: the quality-agenda funds per theme and the additional funds.

Amounts are in € million (``amount_mln``), shares in percent. Source of the
flagship values: S3 chapter 12 ("Budgetverdeling over de thema's", total
€ 28,0 mln; "Overzicht additionele middelen voor de landelijke thema's").
"""

from __future__ import annotations

from .base import Amount, Id, Model, Number, Share, Sourced, Text


class Allocation(Model):
    """One theme's share of the quality-agenda funds, as printed."""

    theme: Id
    label: Text
    """The row label as printed (typos kept, e.g. "Ansluiting ... van d toekomst")."""
    share_pct: Share
    amount_mln: Amount


class PrintedTotal(Model):
    """A total row as the source prints it; compared with the computed sum."""

    share_pct: Share | None = None
    amount_mln: Amount | None = None


class AdditionalTotal(Model):
    """The columns of the additional-funds table (S3 ch. 12); also its printed total row.

    ``ka_*``: quality-agenda funds (share of all KA funds, amount, share of the
    row); ``other_*``: other additional funds; ``total_*``: the row's sum.
    """

    ka_share_vertical_pct: Share
    ka_amount_mln: Amount
    ka_share_horizontal_pct: Share
    other_amount_mln: Amount
    other_share_pct: Share
    total_amount_mln: Amount
    total_share_pct: Share


class AdditionalFunds(AdditionalTotal):
    """One theme's row of the additional-funds table, as printed."""

    theme: Id
    label: Text


class Budget(Sourced):
    """The budget plan (``budget.yaml``).

    ``basis_mln`` is the average yearly amount (€ 28 mln in S3).
    ``national_min_share`` is the rule that at least this fraction (1/3) goes
    to the national themes.
    """

    basis_mln: Amount
    basis_note: Text | None = None
    per_year: bool = True
    allocations: list[Allocation]
    total: PrintedTotal | None = None
    national_min_share: Number | None = None
    national_min_share_text: Text | None = None
    additional: list[AdditionalFunds] = []
    additional_total: AdditionalTotal | None = None
    additional_indicative: bool = False
    """The source calls the other additional funds an indicative picture (S3 r. 5636-5638: "indicatief
    zichtbaar"); pages then say so wherever those amounts appear."""
    additional_sources: list[Text] = []
    note: Text | None = None
