"""The college chart drawn without matplotlib's artists: the geometry of
:mod:`kwsite.charts.college` computed here and written through the Jinja2 template
``templates/college.svg``, with the elements, order, styles and numbers matplotlib's SVG backend
writes for the same chart (``tests/test_charts_college.py`` compares the two byte for byte).

Why: 1,200 college charts were two thirds of an empty-cache build of a 40-college site; matplotlib
spent most of each chart's 9 ms laying out and printing texts whose place is fixed arithmetic. Text
positions follow matplotlib's text layout (``Text._get_layout``, line spacing ``normal``) with the
glyph extents of the DejaVu Sans files matplotlib ships. A chart whose texts need a glyph the font
does not have, or values matplotlib would draw differently (a period that is not a year, no total row
or one without any value), is drawn by matplotlib instead (:func:`college_template_svg` returns ``None``).
"""

from __future__ import annotations

import hashlib
import math
import textwrap
from collections.abc import Sequence
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from ..model import Table
from ..model.site import Row
from .base import MUTED, PALETTE, STYLE, TEXT, TITLE_WIDTH, UNIT_LABEL, _DutchTicks, _floats

FONT_SCALE = 100.0
"""matplotlib measures text at 100 pt and scales (``matplotlib.textpath.TextToPath``)."""


def _fmt(x: float) -> str:
    """matplotlib's SVG number format: ``%f`` without trailing zeros."""
    return f"{x:f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("kwsite.charts", "templates"),
        autoescape=select_autoescape(["svg"]),
        keep_trailing_newline=False,
    )


class _Font:
    """Glyph extents of one DejaVu Sans face, as matplotlib's SVG backend measures them."""

    def __init__(self, bold: bool) -> None:
        import matplotlib
        from matplotlib.font_manager import FontProperties, fontManager, get_font

        with matplotlib.rc_context(STYLE):
            self.prop = FontProperties(size=9, weight="bold" if bold else "normal")
            self.font = get_font(fontManager._find_fonts_by_props(self.prop))
        os2, head = self.font.get_sfnt_table("OS/2"), self.font.get_sfnt_table("head")
        self.units = head["unitsPerEm"]
        self.typo = (os2["sTypoAscender"], -os2["sTypoDescender"], os2["sTypoLineGap"])
        self._extent: dict[str, tuple[int, int] | None] = {}
        self._width: dict[tuple[str, float], float] = {}

    def _char(self, char: str) -> tuple[int, int] | None:
        if char not in self._extent:
            from matplotlib.ft2font import LoadFlags

            if self.font.get_char_index(ord(char)) == 0:
                self._extent[char] = None
            else:
                self.font.set_size(FONT_SCALE, 72)
                xmin, ymin, xmax, ymax = self.font.load_char(ord(char), flags=LoadFlags.NO_HINTING).bbox
                self._extent[char] = (ymin, ymax)
        return self._extent[char]

    def height_descent(self, text: str, size: float) -> tuple[float, float] | None:
        """``(h, d)`` of a one-line text at ``size`` pt as matplotlib's SVG backend gets them; ``None``
        when a glyph is missing (matplotlib would fall back to another font)."""
        extents = [self._char(c) for c in text]
        if not text or any(e is None for e in extents):
            return None
        ymin, ymax = min(e[0] for e in extents), max(e[1] for e in extents)
        scale = size / FONT_SCALE
        return (ymax - ymin) / 64.0 * scale, -ymin / 64.0 * scale

    def width(self, text: str, size: float) -> float:
        """Advance width of ``text`` (measured by matplotlib; used for the four y-axis labels)."""
        key = (text, size)
        if key not in self._width:
            from matplotlib.textpath import text_to_path

            self.prop.set_size(size)
            self._width[key] = text_to_path.get_text_width_height_descent(text, self.prop, ismath=False)[0]
        return self._width[key]

    def lines(self, lines: list[str], size: float) -> list[float] | None:
        """matplotlib's ``Text._get_layout`` (line spacing ``normal``): the y of each line's baseline
        below the top of the text box, and the box height last; ``None`` as :meth:`height_descent`."""
        ascent, descent, gap = (v / self.units * size for v in self.typo)
        gap = gap if len(lines) > 1 else 0
        thisy, ys = 0.0, []
        for line in lines:
            found = self.height_descent(line, size)
            if found is None:
                return None
            h, d = found
            a = max(h - d, ascent) + gap / 2
            d = max(d, descent) + gap / 2
            thisy -= a
            ys.append(thisy)
            thisy -= d
        return ys + [ys[-1] - d]


@lru_cache(maxsize=2)
def _font(bold: bool) -> _Font:
    return _Font(bold)


def _make_id(salt: str, kind: str, content: object) -> str:
    """matplotlib's ``RendererSVG._make_id``."""
    digest = hashlib.sha256(salt.encode("utf8"))
    digest.update(str(content).encode("utf8"))
    return f"{kind}{digest.hexdigest()[:10]}"


CIRCLE = (
    "M 0 2.5 \nC 0.663008 2.5 1.29895 2.236584 1.767767 1.767767 \nC 2.236584 1.29895 2.5 0.663008 2.5 0 \n"
    "C 2.5 -0.663008 2.236584 -1.29895 1.767767 -1.767767 \nC 1.29895 -2.236584 0.663008 -2.5 0 -2.5 \n"
    "C -0.663008 -2.5 -1.29895 -2.236584 -1.767767 -1.767767 \nC -2.236584 -1.29895 -2.5 -0.663008 -2.5 0 \n"
    "C -2.5 0.663008 -2.236584 1.29895 -1.767767 1.767767 \nC -1.29895 2.236584 -0.663008 2.5 0 2.5 \nz\n"
)
SQUARE = "M -2.5 2.5 \nL 2.5 2.5 \nL 2.5 -2.5 \nL -2.5 -2.5 \nz\n"
SERIES = (
    {
        "path_style": f"fill: none; stroke: {PALETTE[0]}; stroke-width: 2.2; stroke-linecap: square",
        "marker_path": CIRCLE,
        "marker_style": f"stroke: {PALETTE[0]}",
        "use_style": f"fill: {PALETTE[0]}; stroke: {PALETTE[0]}",
    },
    {
        "path_style": f"fill: none; stroke-dasharray: 6.66,2.88; stroke-dashoffset: 0; stroke: {PALETTE[1]}; stroke-width: 1.8",
        "marker_path": SQUARE,
        "marker_style": f"stroke: {PALETTE[1]}; stroke-linejoin: miter",
        "use_style": f"fill: {PALETTE[1]}; stroke: {PALETTE[1]}; stroke-linejoin: miter",
    },
)
"""The college's line and the total's, as matplotlib writes the styles of
:data:`kwsite.charts.college.STYLES` (marker size 5)."""


def college_template_svg(key: str, meta: Table, periods: Sequence[str], series: list[tuple[str, Row]]) -> str | None:
    """The bare ``<svg>`` of :func:`kwsite.charts.college.college_svg` for ``series`` (college, then
    total; both rows present), or ``None`` when matplotlib must draw it (see the module docstring)."""
    import numpy as np

    from .college_geometry import BOTTOM, GRID, LEFT, PAD, RIGHT, SIZE, TICK, TITLE_LINE, _positions, _y_range

    values = [_floats(row.values) for _, row in series]
    if any(all(math.isnan(v) for v in vs) for vs in values) or len(periods) < 2:
        return None
    xs, xlabels = _positions(periods)
    if xlabels != [str(int(x)) for x in xs]:
        return None
    regular, bold = _font(False), _font(True)
    width, height = (v * 72 for v in SIZE)
    title = textwrap.fill(f"{meta.title}: {series[0][0]}", TITLE_WIDTH)
    title_ys = bold.lines(title.split("\n"), 10.0)
    tick_y = regular.lines(["0"], 9.0)  # digits and the decimal comma share their extents
    labels = [regular.lines([label], 8.0) for label, _ in series]
    if (
        title_ys is None
        or tick_y is None
        or None in labels
        or not all(regular.lines([t], 9.0) == tick_y for t in xlabels)
    ):
        return None
    top = PAD + TITLE_LINE * (title.count("\n") + 1) + 8
    left, bottom = LEFT / width, BOTTOM / height
    right, upper = left + (1 - (LEFT + RIGHT) / width), bottom + (1 - (BOTTOM + top) / height)
    x0, x1, y0, y1 = left * width, right * width, bottom * height, upper * height  # display, y up
    step = (xs[-1] - xs[0]) / max(len(xs) - 1, 1) or 1.0
    xlim = (xs[0] - step * 0.25, xs[-1] + step * 0.25)
    low, high, ticks = _y_range([v for vs in values for v in vs if not math.isnan(v)], meta.unit)

    def sx(x: float) -> float:
        return x0 + (x - xlim[0]) / (xlim[1] - xlim[0]) * (x1 - x0)

    def sy(y: float) -> float:  # data → SVG (y down)
        return height - (y0 + (y - low) / (high - low) * (y1 - y0))

    salt = f"kwsite:{key}"
    clip_key = (np.float64(x0), np.float64(height - y1), np.float64(x1 - x0), np.float64(y1 - y0))
    lines, keys = [], []
    for i, ((_label, _), ys) in enumerate(zip(series, values)):
        style = SERIES[i]
        marker_id = _make_id(salt, "m", (style["marker_path"], style["use_style"]))
        points, path, gap = [], "", True
        for x, y in zip(xs, ys):  # a missing value is a gap: the line goes on with a move
            if math.isnan(y):
                gap = True
                continue
            points.append((_fmt(sx(x)), _fmt(sy(y))))
            path += f"{'M' if gap else 'L'} {points[-1][0]} {points[-1][1]} \n"
            gap = False
        lines.append(
            {
                **style,
                "gid": f"{key}-{'college' if i == 0 else 'total'}",
                "path": path,
                "marker_id": marker_id,
                "points": points,
                "style": style["path_style"],
            }
        )
        kx = (LEFT + 150 * i) / width
        key_y = height - (PAD / height + 0.03) * height
        keys.append(
            {
                "x0": _fmt(kx * width),
                "x1": _fmt((kx + 13 / width) * width),
                "x2": _fmt((kx + 26 / width) * width),
                "y": _fmt(key_y),
                "style": style["path_style"],
                "marker_id": marker_id,
                "use_style": style["use_style"],
            }
        )
    dutch = _DutchTicks(meta.unit)
    dutch.set_locs(ticks)
    if not all(regular.lines([dutch(t)], 9.0) == tick_y for t in ticks):  # a glyph above or below the digits
        return None
    base_x = y0 - 2 * TICK  # x tick labels: top at 2 ticks below the axes
    tick_texts = [
        {"anchor": "middle", "x": _fmt(sx(x)), "y": _fmt(height - (base_x + tick_y[0])), "text": label}
        for x, label in zip(xs, xlabels)
    ]
    centre = tick_y[-1] / 2  # y tick labels: centred on the tick, right-aligned before it
    tick_texts += [
        {
            "anchor": "end",
            "x": _fmt(x0 - TICK),
            "y": _fmt(height - (y0 + (t - low) / (high - low) * (y1 - y0) + tick_y[0] - centre)),
            "text": dutch(t),
        }
        for t in ticks
    ]
    title_lines = [
        {"x": _fmt(PAD), "y": _fmt(height - ((1 - PAD / height) * height + y)), "text": line}
        for line, y in zip(title.split("\n"), title_ys)
    ]
    ylabel = UNIT_LABEL[meta.unit]
    ylabel_ys = regular.lines([ylabel], 9.0)
    label_width = regular.width(ylabel, 9.0)
    ylabel_pos = {
        "x": _fmt(PAD / width * width - ylabel_ys[0]),
        "y": _fmt(height - (0.5 * height - label_width / 2)),
        "text": ylabel,
    }
    key_labels = []
    for i, ((label, _), label_ys) in enumerate(zip(series, labels)):
        kx = (LEFT + 150 * i) / width
        key_labels.append(
            {
                "x": _fmt((kx + 31 / width) * width),
                "y": _fmt(height - ((PAD / height + 0.03) * height + label_ys[0] - label_ys[-1] / 2)),
                "text": label,
            }
        )
    box = {
        "x0": _fmt(x0),
        "x1": _fmt(x1),
        "y0": _fmt(height - y1),
        "y1": _fmt(height - y0),
        "width": _fmt(x1 - x0),
        "height": _fmt(y1 - y0),
    }
    context = {
        "w": _fmt(width),
        "h": _fmt(height),
        "title": " ".join(title.split()),
        "box": box,
        "clip": _make_id(salt, "p", clip_key),
        "grid": [_fmt(sy(t)) for t in ticks],
        "grid_colour": GRID,
        "muted": MUTED,
        "ink": TEXT,
        "marks": [_fmt(sx(x)) for x in xs],
        "mark_end": _fmt(height - (y0 + (-TICK / (y1 - y0)) * (y1 - y0))),
        "lines": lines,
        "keys": keys,
        "tick_texts": tick_texts,
        "title_lines": title_lines,
        "ylabel": ylabel_pos,
        "key_labels": key_labels,
    }
    return _environment().get_template("college.svg").render(context) + "\n"
