"""Baseline tables of counts and percentages (a numerator, a denominator and the
percentage the source prints), optionally with a norm per column.

Source of the example values: S4 (Noorderpoort) section 5.6: VSV per level
2016-2017 with norms, internal progression, starters result, qualification
gain, progression to hbo and the BBL share 2015-2017.

The printed percentage is kept as printed. Validation recomputes numerator /
denominator and reports a difference beyond the printed precision as a warning;
a difference the editors have recorded in ``acknowledged`` is shown on the page
next to the printed value and listed by ``kwsite validate`` as a known one
instead of failing a strict build.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .base import Count, Id, Number, Sourced, Text


class RatioColumn(Sourced):
    """One column (a level, a year) or one single figure of a ratio table."""

    label: Text
    numerator: Count | None = None
    denominator: Count | None = None
    percent: Number | None = None
    """As printed (``15.9``); ``None`` where the source prints none."""
    norm: Number | None = None
    approximate: bool = False
    """The source says "ongeveer"/"ca." before the percentage."""
    acknowledged: Text | None = None
    """A known inconsistency of the source in this column, in the editors' words; shown on the page."""

    def computed_percent(self) -> Decimal | None:
        """``numerator / denominator`` in percent, rounded half-up to the decimals of the printed
        percentage (``2000 / 12659`` with ``15.9`` printed → ``15.8``); ``None`` if a part is missing."""
        if self.numerator is None or not self.denominator or self.percent is None:
            return None
        exponent = self.percent.as_tuple().exponent
        places = Decimal(1).scaleb(exponent) if isinstance(exponent, int) and exponent < 0 else Decimal(1)
        return (self.numerator * 100 / self.denominator).quantize(places, rounding=ROUND_HALF_UP)


class RatioTable(Sourced):
    """A baseline table (``ratios.yaml``).

    ``labels`` are the row texts as printed: ``numerator``, ``denominator``,
    ``percent`` and ``norm``; ``column`` heads the first column (``Niveau``,
    ``Jaar``). ``total`` names the column that is the sum of the others (its
    counts are checked). ``theme`` places the table on that theme's page.
    """

    id: Id
    title: Text
    theme: Id | None = None
    column: Text = ""
    period: Text | None = None
    """The period all columns share (``2016-2017``), when the columns are not periods."""
    numerator_label: Text | None = None
    denominator_label: Text | None = None
    percent_label: Text = "Percentage"
    norm_label: Text | None = None
    total: Text | None = None
    columns: list[RatioColumn]
    source: Text | None = None
    note: Text | None = None
    chart: bool = True
