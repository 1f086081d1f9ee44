"""Printing a matplotlib chart as SVG (:func:`_print_svg`): what ``savefig`` writes, with the text
measures kept for the whole process instead of one chart (issue 20)."""

from __future__ import annotations

import io
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def _print_svg(fig: Figure) -> str:
    """The figure as SVG text, as ``fig.savefig(buffer, format="svg", metadata={"Date": None})``
    writes it (same bytes: a figure without layout engine, tight bbox or animated artists is drawn
    once, at 72 dpi, by matplotlib's SVG renderer) without savefig's canvas switch and with
    :func:`_svg_renderer`, whose text measures last for the whole process instead of one chart."""
    from matplotlib.backends.backend_mixed import MixedModeRenderer

    buffer = io.StringIO()
    dpi = fig.dpi
    width, height = fig.get_size_inches()
    fig.dpi = 72  # as FigureCanvasSVG.print_svg: the SVG's user unit is the point
    try:
        svg = _svg_renderer()(width * 72, height * 72, buffer, image_dpi=dpi, metadata={"Date": None})
        renderer = MixedModeRenderer(fig, width, height, dpi, svg)
        fig.draw(renderer)
        renderer.finalize()
    finally:
        fig.dpi = dpi
    return buffer.getvalue()


@lru_cache(maxsize=1)
def _svg_renderer():
    """matplotlib's SVG renderer with two process-wide caches, for :func:`_print_svg` only (always
    under :data:`kwsite.charts.base.STYLE`, so a font property always names the same font file):

    - text sizes (``get_text_width_height_descent``: a FreeType layout of the string at 100 pt):
      matplotlib keeps them per renderer, i.e. per chart; the tick labels, legend entries, axis
      labels and title lines that recur from chart to chart are now measured once a process;
    - the font's line heights (``_get_font_height_metrics``, which ``Text._get_layout`` asks a
      renderer for when it has it, else reads from the font's tables for every text it lays out).

    Both return what the renderer itself computes (same functions, same arguments), so the SVG
    has the same bytes."""
    from matplotlib.backends.backend_svg import RendererSVG

    class CachedRendererSVG(RendererSVG):
        def get_text_width_height_descent(self, s, prop, ismath):
            return _svg_text_metrics(s, prop.copy(), ismath)

        def _get_font_height_metrics(self, prop):
            return _font_height_metrics(prop.copy(), 72.0)  # print_svg draws the figure at 72 dpi

    return CachedRendererSVG


@lru_cache(maxsize=4096)
def _svg_text_metrics(text: str, prop, ismath) -> tuple[float, float, float]:
    """``(width, height, descent)`` in points of ``text`` as the SVG renderer measures it."""
    from matplotlib.textpath import text_to_path

    return text_to_path.get_text_width_height_descent(text, prop, ismath)


@lru_cache(maxsize=256)
def _font_height_metrics(prop, dpi: float) -> tuple[float | None, float | None, float | None]:
    """``(ascent, descent, line gap)`` in pixels at ``dpi`` of the font ``prop`` names, from its
    ``OS/2`` or else ``hhea`` table: the same expressions as ``matplotlib.text.Text._get_layout``
    (which calls this through a renderer's ``_get_font_height_metrics``); ``None`` three times
    when the font has neither table (``_get_layout`` then measures ``"lp"``)."""
    from matplotlib.font_manager import fontManager, get_font

    font = get_font(fontManager._find_fonts_by_props(prop))
    possible = [("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"), ("hhea", "lineGap", "ascent", "descent")]
    for table_name, linegap_key, ascent_key, descent_key in possible:
        table = font.get_sfnt_table(table_name)
        if table is None:
            continue
        fontsize = prop.get_size_in_points()
        units_per_em = font.get_sfnt_table("head")["unitsPerEm"]
        scale = 1 / units_per_em * fontsize * dpi / 72
        return table[ascent_key] * scale, -table[descent_key] * scale, table[linegap_key] * scale
    return None, None, None
