"""Horizontal bar charts (the comparison chart of :mod:`kwsite.charts.compare` and the bars of a
data table, :mod:`kwsite.charts.table`) drawn without matplotlib's artists: the geometry computed
here and written through the Jinja2 template ``templates/hbars.svg``.

Why: a 40-row bar chart cost matplotlib 150–210 ms (mostly laying out, fitting and printing 120
texts), 30 of each kind a third of an empty-cache build of a 40-college site; this costs about 8 ms.

The drawing looks the same as matplotlib's (not the same bytes): the same elements, colours, fonts
and the layout :func:`kwsite.charts.base._fit` gives — axes box placed so that the row labels, tick
labels, axis label, title and legend fit with :data:`~kwsite.charts.base.PAD` points to spare; x
limits from zero to the largest value plus 12 %; matplotlib's own tick locator and the Dutch tick
labels; text placed by matplotlib's text layout (``Text._get_layout``) with the glyph advances of the
DejaVu Sans files matplotlib ships (``tests/test_charts_bars_template.py`` compares every element's
position with matplotlib's drawing of the same chart, within a fraction of a point). Texts are
``<text>`` elements, as in matplotlib's SVG (``svg.fonttype: none``). A chart this does not copy
— a negative value, a glyph the font lacks, no bar at all — is drawn by matplotlib
(:func:`hbars_svg` returns ``None``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .base import MUTED, PAD, TEXT, _DutchTicks
from .college_svg import _environment, _fmt, _font
from .textmeasure import Unsupported, _extreme, _metrics, _text

WIDTH = 432.0
"""Points: 6 in (:data:`kwsite.charts.base.FIGSIZE`)."""
GUESS_LEFT, GUESS_RIGHT = 0.12, 0.95
"""matplotlib's axes box before fitting (:data:`kwsite.charts.base.GUESS`): the overhang of a value
label past the right edge is measured there."""
TICK, TICK_PAD, LABEL_PAD, TITLE_PAD = 3.5, 3.5, 4.0, 6.0
"""Points: x tick length, tick-to-label gap, tick labels to axis label, axes to axes title."""
BOX_PAD = 0.8
"""Points of white box around a value label (``boxstyle square, pad=0.1`` at 8 pt)."""
LEGEND_SIZE = 8.0
LEGEND = {"border": 0.4 * LEGEND_SIZE, "edge": 0.5 * LEGEND_SIZE, "handle": 2.0 * LEGEND_SIZE}
LEGEND.update(handle_height=0.7 * LEGEND_SIZE, text_pad=0.8 * LEGEND_SIZE, column=2.0 * LEGEND_SIZE)
"""matplotlib's legend measures (rcParams ``legend.*`` times the font size)."""
MISSING_STYLE = "font-style: italic; font-size: 8px; font-family: 'DejaVu Sans', sans-serif; text-anchor: start"


@dataclass(frozen=True)
class Bar:
    """One row: its ``label`` (``bold`` for the total), ``value`` (``None``: no bar, ``missing``
    written instead), the value's ``text`` right of the bar, the bar's ``fill``, ``edge`` colour
    (``None``: no outline) and ``hatch`` (``///`` in the edge colour on white), and ``mark``, a value
    drawn as a short vertical stroke across the bar (the comparison chart's path value)."""

    label: str
    value: float | None
    text: str
    fill: str
    bold: bool = False
    edge: str | None = None
    hatch: bool = False
    mark: float | None = None


@dataclass(frozen=True)
class Key:
    """A legend entry: ``kind`` ``patch`` (``fill``/``edge``, ``hatch``) or ``line`` (``edge`` colour,
    ``width``, ``dashed``)."""

    kind: str
    label: str
    fill: str = "none"
    edge: str = TEXT
    hatch: bool = False
    width: float = 1.0
    dashed: bool = False


@dataclass(frozen=True)
class HBars:
    """A horizontal bar chart as :mod:`kwsite.charts.compare` and :mod:`kwsite.charts.table` draw it.

    ``height``: inches. ``bar_height``: rows' units. ``rows_fixed``: rows fill the axes exactly
    (limits ``n − ½`` … ``−½``, the comparison chart) instead of a 5 % margin around the rows'
    bars. ``label_gap``/``value_gap``: points between the axes and a row label's end, between a bar's
    end and its value. ``label_baseline``: row labels centred as y tick labels are (half their ascent
    under the row's middle) instead of on their box. ``title_on_figure``: the title at the figure's left edge (``suptitle``)
    instead of over the axes. ``mark_colour``/``mark_width``: the marks' stroke. ``vline``: ``(value,
    colour)``, a dashed line over the whole axes (the table's total)."""

    key: str
    height: float
    bars: tuple[Bar, ...]
    bar_height: float
    unit: str
    xlabel: str
    title: str
    title_on_figure: bool
    rows_fixed: bool
    label_gap: float
    value_gap: float
    missing: str
    label_baseline: bool = False
    legend: tuple[Key, ...] = ()
    mark_colour: str = TEXT
    mark_width: float = 2.4
    vline: tuple[float, str] | None = None


def _ticks(high: float, length: float, unit: str) -> list[tuple[float, str]]:
    """matplotlib's default x ticks (``AutoLocator``: as many as the axis has room for at 3 × 9 pt a
    label, at most 10) inside 0 … ``high``, with their Dutch labels (decimals of the finest tick)."""
    from matplotlib.ticker import MaxNLocator

    nbins = int(min(max(math.floor(length / 27.0), 1), 9))
    locs = [float(v) for v in MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10]).tick_values(0.0, high)]
    dutch = _DutchTicks(unit)
    dutch.set_locs(locs)
    close = 1e-10 * high
    return [(v, dutch(v, i)) for i, v in enumerate(locs) if -close <= v <= high + close]


def hbars_svg(chart: HBars) -> str | None:
    """The bare ``<svg>`` of ``chart`` (``<title>`` included), or ``None`` when matplotlib must draw
    it (see the module docstring)."""
    try:
        return _render(chart)
    except Unsupported:
        return None


def _render(chart: HBars) -> str | None:  # noqa: C901, PLR0915 (one layout, top to bottom)
    bars = chart.bars
    drawn = [(i, b) for i, b in enumerate(bars) if b.value is not None]
    if not drawn:
        return None
    values = [b.value for _, b in drawn] + [b.mark for b in bars if b.mark is not None]
    values += [chart.vline[0]] if chart.vline else []
    if min(values) < 0 or max(values) <= 0 or not all(math.isfinite(v) for v in values):
        return None
    height = chart.height * 72
    high = max(values) * 1.12  # margins(x=0.12) above the data, zero at the left

    labels = [_text(b.label, 9.0, b.bold) for b in bars]
    texts = [_text(b.text, 8.0, b.bold) if b.value is not None else None for b in bars]
    missing = _text(chart.missing, 8.0)
    xlabel = _text(chart.xlabel, 9.0)
    keys = [_text(k.label, LEGEND_SIZE, exact=True) for k in chart.legend]
    title_lines = chart.title.split("\n")
    title_layout = _font(True).lines(title_lines, 10.0)
    if title_layout is None:
        raise Unsupported(chart.title)

    # the axes box as _fit places it, from the texts as the Agg renderer measures them: the left margin
    # holds the longest row label; the right one a value label past the axes (on the first guess of
    # the axes box, where _fit measures it)
    guess0, guess1 = GUESS_LEFT * WIDTH, GUESS_RIGHT * WIDTH
    past_left = [(guess0, "", 9.0, False, 0.0)]  # (where a text starts or ends, text, size, bold, share of width)
    past_left += [(guess0 - chart.label_gap, b.label, 9.0, b.bold, 1.0) for b in bars]
    past_right = [(guess1, "", 9.0, False, 0.0)]
    past_right += [
        (guess0 + b.value / high * (guess1 - guess0) + chart.value_gap + BOX_PAD, b.text, 8.0, b.bold, 1.0)
        for b in bars
        if b.value is not None
    ]
    for value, label in _ticks(high, guess1 - guess0, chart.unit):  # a tick label half past an end
        centre = guess0 + value / high * (guess1 - guess0)
        past_left.append((centre, label, 9.0, False, 0.5))
        past_right.append((centre, label, 9.0, False, 0.5))
    middle = (guess0 + guess1) / 2  # the axis label, centred under the axes
    past_left.append((middle, chart.xlabel, 9.0, False, 0.5))
    past_right.append((middle, chart.xlabel, 9.0, False, 0.5))
    if not chart.title_on_figure:  # the axes title starts at the axes' left edge
        past_right += [(guess0, line, 10.0, True, 1.0) for line in title_lines]
    left = guess0 - _extreme(past_left, -1.0) + PAD
    right = _extreme(past_right, 1.0) - guess1 + PAD
    x0, x1 = left, WIDTH - right
    ticks = _ticks(high, x1 - x0, chart.unit)
    tick_texts = [_text(label, 9.0) for _, label in ticks]

    # y: legend at the bottom, x tick labels and the axis label above it; the title on top
    fit_ticks = max((_text(label, 9.0, hinted=True, exact=True).h for _, label in ticks), default=0.0)
    below = TICK + TICK_PAD + fit_ticks + LABEL_PAD + _text(chart.xlabel, 9.0, hinted=True, exact=True).h
    bottom = below + PAD
    if keys:
        fit_keys = [_text(k.label, LEGEND_SIZE, hinted=True, exact=True) for k in chart.legend]
        _w, lp_height, lp_descent = _metrics(False).exact("lp", LEGEND_SIZE, True)  # TextArea: at least "lp" tall
        ascent = max([t.a for t in fit_keys] + [lp_height - lp_descent, LEGEND["handle_height"]])
        legend_height = ascent + max(t.d for t in fit_keys)
        bottom += 2 * LEGEND["border"] + legend_height + PAD
    fit_title = [_text(line, 10.0, True, hinted=True, exact=True) for line in title_lines]
    face = _metrics(True).face
    gap = face.typo[2] / face.units * 10.0 if len(title_lines) > 1 else 0.0  # between lines only
    title_box = sum(t.h + gap for t in fit_title)
    if chart.title_on_figure:  # its top at PAD, the axes PAD below it
        top = PAD + title_box + PAD
    else:  # the last line's baseline TITLE_PAD over the axes
        top = TITLE_PAD + title_box - fit_title[-1].d - gap / 2 + PAD
    tick_box = max((t.h for t in tick_texts), default=0.0)
    y0, y1 = top, height - bottom  # SVG: y down; y0 the axes' top
    if y1 - y0 <= 0 or x1 - x0 <= 0:
        return None

    n = len(bars)
    if chart.rows_fixed:
        low_row, high_row = -0.5, n - 0.5
    else:
        first, last = -chart.bar_height / 2, n - 1 + chart.bar_height / 2  # every row, one without a bar too
        span = last - first
        low_row, high_row = first - 0.05 * span, last + 0.05 * span
    per_row = (y1 - y0) / (high_row - low_row)

    def sx(value: float) -> float:
        return x0 + value / high * (x1 - x0)

    def sy(row: float) -> float:
        return y0 + (row - low_row) * per_row

    clip = f"{chart.key}-clip"
    hatch = f"{chart.key}-hatch"
    rows, marks, values_out, missing_out, labels_out = [], [], [], [], []
    for i, (bar, label, text) in enumerate(zip(bars, labels, texts)):
        centre = sy(i)
        label_y = centre + label.a / 2 if chart.label_baseline else centre + (label.a - label.d) / 2
        labels_out.append({"x": _fmt(x0 - chart.label_gap), "y": _fmt(label_y), "text": bar.label, "bold": bar.bold})
        if bar.value is None or text is None:
            missing_out.append({"x": _fmt(x0), "y": _fmt(centre + (missing.a - missing.d) / 2)})
            continue
        half = chart.bar_height / 2 * per_row
        end = sx(bar.value)
        style = f"fill: {'url(#' + hatch + ')' if bar.hatch else bar.fill}"
        if bar.edge:
            style += f"; stroke: {bar.edge}; stroke-width: 1.2; stroke-linejoin: miter"
        rows.append(
            {
                "gid": f"{chart.key}-bar-{i}",
                "x0": _fmt(x0),
                "x1": _fmt(end),
                "top": _fmt(centre - half),
                "bottom": _fmt(centre + half),
                "style": style,
            }
        )
        if bar.mark is not None:
            marks.append(
                {"x": _fmt(sx(bar.mark)), "top": _fmt(centre - 0.42 * per_row), "bottom": _fmt(centre + 0.42 * per_row)}
            )
        tx = end + chart.value_gap
        values_out.append(
            {
                "x": _fmt(tx),
                "y": _fmt(centre + (text.a - text.d) / 2),
                "box_x0": _fmt(tx - BOX_PAD),
                "box_x1": _fmt(tx + text.w + BOX_PAD),
                "box_top": _fmt(centre - text.h / 2 - BOX_PAD),
                "box_bottom": _fmt(centre + text.h / 2 + BOX_PAD),
                "text": bar.text,
                "bold": bar.bold,
            }
        )

    tick_top = y1 + TICK + TICK_PAD
    ticks_out = [
        {"x": _fmt(sx(v)), "y": _fmt(tick_top + t.a), "text": label} for (v, label), t in zip(ticks, tick_texts)
    ]
    xlabel_out = {
        "x": _fmt((x0 + x1) / 2),
        "y": _fmt(tick_top + tick_box + LABEL_PAD + xlabel.a),
        "text": chart.xlabel,
    }
    title_x = 0.01 * WIDTH if chart.title_on_figure else x0
    if chart.title_on_figure:
        title_out = [
            {"x": _fmt(title_x), "y": _fmt(PAD - y), "text": line} for line, y in zip(title_lines, title_layout)
        ]
    else:  # anchored at the last line's baseline, TITLE_PAD above the axes
        last = y0 - TITLE_PAD
        title_out = [
            {"x": _fmt(title_x), "y": _fmt(last + title_layout[-2] - y), "text": line}
            for line, y in zip(title_lines, title_layout)
        ]

    legend_out = []
    if keys:
        width = 2 * LEGEND["border"] + sum(LEGEND["handle"] + LEGEND["text_pad"] + t.w for t in keys)
        width += LEGEND["column"] * (len(keys) - 1)
        x = WIDTH / 2 - width / 2 + LEGEND["border"]
        baseline = height - LEGEND["edge"] - LEGEND["border"] - max(t.d for t in keys)
        for key, text in zip(chart.legend, keys):
            entry = {"kind": key.kind, "label": key.label, "text_x": _fmt(x + LEGEND["handle"] + LEGEND["text_pad"])}
            entry.update(
                x0=_fmt(x),
                xm=_fmt(x + LEGEND["handle"] / 2),
                x1=_fmt(x + LEGEND["handle"]),
                y=_fmt(baseline),
                top=_fmt(baseline - LEGEND["handle_height"]),
                middle=_fmt(baseline - LEGEND["handle_height"] / 2),
            )
            if key.kind == "patch":
                entry["style"] = (
                    f"fill: {'url(#' + hatch + ')' if key.hatch else key.fill}; stroke: {key.edge}; stroke-linejoin: miter"
                )
            else:
                entry["style"] = _line_style(key.edge, key.width, key.dashed)
            legend_out.append(entry)
            x += LEGEND["handle"] + LEGEND["text_pad"] + text.w + LEGEND["column"]

    context = {
        "w": _fmt(WIDTH),
        "h": _fmt(height),
        "title": " ".join(chart.title.split()),
        "box": {
            "x0": _fmt(x0),
            "x1": _fmt(x1),
            "y0": _fmt(y0),
            "y1": _fmt(y1),
            "width": _fmt(x1 - x0),
            "height": _fmt(y1 - y0),
            "tick_end": _fmt(y1 + TICK),
        },
        "clip": clip,
        "hatch": hatch if any(b.hatch for b in bars) or any(k.hatch for k in chart.legend) else None,
        "hatch_colour": next((b.edge for b in bars if b.hatch), None)
        or next((k.edge for k in chart.legend if k.hatch), TEXT),
        "ticks": ticks_out,
        "xlabel": xlabel_out,
        "labels": labels_out,
        "bars": rows,
        "marks": marks,
        "mark_style": _line_style(chart.mark_colour, chart.mark_width, False),
        "vline": (
            {"x": _fmt(sx(chart.vline[0])), "style": _line_style(chart.vline[1], 1.2, True)} if chart.vline else None
        ),
        "missing": missing_out,
        "missing_text": chart.missing,
        "missing_style": f"{MISSING_STYLE}; fill: {MUTED}",
        "values": values_out,
        "title_lines": title_out,
        "title_on_figure": chart.title_on_figure,
        "legend": legend_out,
        "ink": TEXT,
        "muted": MUTED,
        "grid": "#d9d9d9",
    }
    return _environment().get_template("hbars.svg").render(context) + "\n"


def _line_style(colour: str, width: float, dashed: bool) -> str:
    """matplotlib's style of a solid line (square caps) or a ``--`` line (dashes 3,7 and 1,6 line widths)."""
    if dashed:
        dashes = f"{_fmt(3.7 * width)},{_fmt(1.6 * width)}"
        return f"fill: none; stroke-dasharray: {dashes}; stroke-dashoffset: 0; stroke: {colour}; stroke-width: {_fmt(width)}"
    return f"fill: none; stroke: {colour}; stroke-width: {_fmt(width)}; stroke-linecap: square"
