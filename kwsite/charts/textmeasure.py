"""Text measures for the SVG templates (:mod:`kwsite.charts.bars_svg`) as matplotlib's renderers get
them: the Agg renderer at 100 dpi, which :func:`kwsite.charts.base._fit` measures with (hinted glyphs),
and the SVG backend, which places the texts (unhinted, ``matplotlib.textpath``); both from the DejaVu
Sans files matplotlib ships, laid out as ``Text._get_layout`` does."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .college_svg import _font


class _Metrics:
    """Glyph advances, kerning and extents of one DejaVu Sans face, cached per character.

    Two ways of measuring, as matplotlib has two renderers: ``hinted`` as the Agg renderer measures
    at 100 dpi when :func:`kwsite.charts.base._fit` places the axes (hinted glyphs, whole pixels), else
    as the SVG backend measures where it places a text (unhinted, ``matplotlib.textpath``)."""

    def __init__(self, bold: bool) -> None:
        self.face = _font(bold)
        self.font = self.face.font
        self._glyph: dict[tuple[bool, float, str], tuple[int, int, int, int]] = {}
        self._kern: dict[tuple[bool, float, int, int], int] = {}
        self._exact: dict[tuple[str, float, bool], tuple[float, float, float]] = {}

    def _size(self, hinted: bool, size: float) -> tuple[float, float, float]:
        """FreeType size and dpi, and the factor from 1/64 pixel to points."""
        return (size, 100.0, 0.72 / 64) if hinted else (100.0, 72.0, size / 100.0 / 64)

    def measure(self, text: str, size: float, hinted: bool) -> tuple[float, float, float] | None:
        """``(width, height, descent)`` in points of ``text``'s glyphs; ``None`` for a glyph the font lacks."""
        from matplotlib.ft2font import Kerning, LoadFlags

        ft_size, dpi, scale = self._size(hinted, size)
        self.font.set_size(ft_size, dpi)
        flags = LoadFlags.DEFAULT if hinted else LoadFlags.NO_HINTING
        total, top, bottom, previous = 0, 0, 0, None
        for char in text:
            key = (hinted, size, char)
            glyph = self._glyph.get(key)
            if glyph is None:
                index = self.font.get_char_index(ord(char))
                if index == 0:
                    return None
                loaded = self.font.load_char(ord(char), flags=flags)
                glyph = self._glyph[key] = (index, loaded.horiAdvance, loaded.bbox[1], loaded.bbox[3])
            if previous is not None:
                pair = (hinted, size, previous, glyph[0])
                if pair not in self._kern:
                    self._kern[pair] = self.font.get_kerning(previous, glyph[0], Kerning.DEFAULT)
                total += self._kern[pair]
            total += glyph[1]
            top, bottom = max(top, glyph[3]), min(bottom, glyph[2])
            previous = glyph[0]
        return total * scale, (top - bottom) * scale, -bottom * scale

    def exact(self, text: str, size: float, hinted: bool) -> tuple[float, float, float]:
        """``(width, height, descent)`` as matplotlib gets them (FreeType through its text layout,
        kerning and ligatures included): exact, about 0,4 ms a text, so only for the few texts that
        decide a margin (and remembered)."""
        from matplotlib.ft2font import LoadFlags

        key = (text, size, hinted)
        if key not in self._exact:
            ft_size, dpi, scale = self._size(hinted, size)
            self.font.set_size(ft_size, dpi)
            self.font.set_text(text, 0.0, flags=LoadFlags.DEFAULT if hinted else LoadFlags.NO_HINTING)
            width, height = self.font.get_width_height()
            self._exact[key] = (width * scale, height * scale, self.font.get_descent() * scale)
        return self._exact[key]


@lru_cache(maxsize=2)
def _metrics(bold: bool) -> _Metrics:
    return _Metrics(bold)


@dataclass(frozen=True)
class _Text:
    """A one-line text's width, ascent ``a`` and descent ``d`` in points, laid out as
    ``Text._get_layout`` does (at least the font's typographic ascent and descent)."""

    w: float
    a: float
    d: float

    @property
    def h(self) -> float:
        return self.a + self.d


def _text(text: str, size: float, bold: bool = False, hinted: bool = False, exact: bool = False) -> _Text:
    """``text`` measured for the SVG (``hinted`` false) or for the fitting (true); ``exact``: through
    matplotlib's text layout (:meth:`_Metrics.exact`), else from the glyphs one by one."""
    metrics = _metrics(bold)
    found = metrics.measure(text, size, hinted)
    if found is None:
        raise Unsupported(text)
    w, h, d = metrics.exact(text, size, hinted) if exact else found
    ascent, descent, _gap = (v / metrics.face.units * size for v in metrics.face.typo)
    return _Text(w, max(h - d, ascent), max(d, descent))


class Unsupported(Exception):
    """A text the template cannot measure like matplotlib: matplotlib draws the chart."""


def _extreme(items: list[tuple[float, str, float, bool, float]], sign: float) -> float:
    """The furthest end (``sign`` 1: right, −1: left) of texts at ``(x, text, size, bold, share)``, each
    reaching ``share`` of its width (as Agg measures it) from ``x``. Widths from glyph advances, then
    for the texts within 3 points of the furthest, measured exactly (:meth:`_Metrics.exact`)."""

    def reach(item: tuple[float, str, float, bool, float], width: float) -> float:
        return sign * (item[0] + sign * item[4] * width)

    rough = [reach(i, _text(i[1], i[2], i[3], hinted=True).w if i[1] else 0.0) for i in items]
    limit = max(rough) - 3.0
    exact = [
        reach(i, _metrics(i[3]).exact(i[1], i[2], True)[0] if i[1] else 0.0) for i, r in zip(items, rough) if r >= limit
    ]
    return sign * max(exact)
