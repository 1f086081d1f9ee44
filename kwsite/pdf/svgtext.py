"""Chart labels drawn as one text run, not letter by letter.

WeasyPrint (70.0, ``svg/text.py``) lays out every SVG ``<text>`` twice: once as a whole and then
once per letter (a Pango layout, a line break and a text-show operator for each letter), so that
per-letter ``x``/``dx``/``rotate`` lists could move each letter. A chart label anchored in the
middle or at the end (``text-anchor``) is also drawn into a form XObject of its own that is shifted
after drawing. matplotlib's labels use none of that: one ``x``, one ``y``, a font, a fill. For such a
label :func:`whole_svg_text` draws the laid-out string once, at the start position WeasyPrint would
give its first letter, shifted by half or all of its width for ``middle``/``end`` (the shift
WeasyPrint applies to the form), and drops ``rotate(-0 x y)`` (matplotlib's no-op transform).
Labels with per-letter positions, spacing, ``textLength``, child elements or right-to-left text are
drawn by WeasyPrint as before.

What changes in the PDF: one text run per label instead of one per letter (SVG text 5,9 → 2,0 % of the
683-page PDF's CPU time by py-spy; the font's own kerning instead of none between letters); the same glyphs,
fonts, sizes and positions otherwise (``tests/test_pdf_svgtext.py``). Proposed upstream (section 5) in
``benchmarks/upstream-weasyprint-large-documents.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, ExitStack
from math import inf

from .patching import replaced

PER_LETTER = frozenset({"dx", "dy", "rotate", "letter-spacing", "textLength", "lengthAdjust", "direction"})
"""Attributes that need WeasyPrint's letter-by-letter drawing."""
SHIFT = {"middle": 0.5, "end": 1.0}
NO_OP_ROTATE = "rotate(-0 "


def _simple(node) -> bool:
    """A ``<text>`` with one start position, no per-letter attributes and no child elements."""
    attrib = node.attrib
    return (
        node._etree_node.tag.rsplit("}", 1)[-1] == "text"
        and len(node._etree_node) == 0
        and not PER_LETTER & attrib.keys()
        and " " not in (attrib.get("x") or "").strip()
        and " " not in (attrib.get("y") or "").strip()
    )


def _draw_node(original):
    """``SVG.draw_node`` that hands a simple label to :func:`_whole_text` with its anchor, not as a form."""

    def draw_node(self, node, font_size, fill_stroke=True, context=None):
        if node.attrib.get("kw-anchor") is None and node._etree_node.tag.endswith("text") and _simple(node):
            anchor = node.attrib.get("text-anchor", "start")
            node.attrib["kw-anchor"] = anchor if anchor in SHIFT else "start"
            node.attrib["text-anchor"] = "start"
            if (node.attrib.get("transform") or "").startswith(NO_OP_ROTATE):
                del node.attrib["transform"]
        return original(self, node, font_size, fill_stroke, context)

    return draw_node


def _text(original):
    """WeasyPrint's ``text`` drawer, drawing a label marked by :func:`_draw_node` as one run."""

    def text(svg, node, font_size):
        anchor = node.attrib.get("kw-anchor")
        if anchor is None or not node.text:
            return original(svg, node, font_size)
        return _whole_text(svg, node, font_size, SHIFT.get(anchor, 0.0))

    return text


def _whole_text(svg, node, font_size, shift: float) -> None:
    """WeasyPrint 70's ``svg.text.text`` for a label without per-letter positions: the same style, start
    point, bounding box and graphic state, one layout drawn once."""
    from weasyprint.css.properties import INITIAL_VALUES
    from weasyprint.draw.text import draw_emojis, draw_first_line
    from weasyprint.matrix import Matrix
    from weasyprint.svg.bounding_box import extend_bounding_box
    from weasyprint.svg.text import Style, TextBox
    from weasyprint.svg.utils import normalize, size
    from weasyprint.text.line_break import split_first_line

    style = Style()
    style.update(INITIAL_VALUES)
    style.font_config = svg.font_config
    style["font_family"] = [font.strip("\"'") for font in node.get("font-family", "sans-serif").split(",")]
    style["font_style"] = node.get("font-style", "normal")
    weight = node.get("font-weight", 400)
    if weight == "normal":
        weight = 400
    elif weight == "bold":
        weight = 700
    else:
        try:
            weight = int(weight)
        except ValueError:
            weight = 400
    style["font_weight"], style["font_size"] = weight, font_size
    layout, _, _, width, height, baseline = split_first_line(node.text, style, svg.context, inf, 0)

    x = size(normalize(node.attrib["x"]).strip(), font_size, svg.inner_width) if "x" in node.attrib else None
    y = size(normalize(node.attrib["y"]).strip(), font_size, svg.inner_height) if "y" in node.attrib else None
    if x:  # as WeasyPrint: a zero x keeps the running offset
        svg.cursor_d_position[0] = 0
    if y:
        svg.cursor_d_position[1] = 0
    x = svg.cursor_position[0] if x is None else x
    y = svg.cursor_position[1] if y is None else y
    svg.cursor_position = x + width, y
    x_position = x + svg.cursor_d_position[0] - width * shift
    y_position = y + svg.cursor_d_position[1] + _y_align(node, font_size, height)
    points = ((x_position, y_position - baseline), (x_position + width, y_position - baseline + height))
    node.text_bounding_box = extend_bounding_box(node.text_bounding_box, points)

    svg.stream.push_state()
    fill, stroke = svg.set_graphical_state(node, font_size)
    svg.stream.begin_text()
    layout.reactivate(style)
    svg.fill_stroke(fill, stroke, text=True)
    text_box = TextBox(layout, style)
    text_box.baseline = baseline
    emojis = draw_first_line(svg.stream, text_box, "none", "none", Matrix(a=1, d=-1, e=x_position, f=y_position))
    svg.stream.end_text()
    svg.stream.pop_state()
    draw_emojis(svg.stream, style, x, y, emojis)


def _y_align(node, font_size, height) -> float:
    """WeasyPrint's vertical alignment of a label (``display-anchor``, ``dominant-baseline``)."""
    ascent, descent = font_size * 0.8, font_size * 0.2
    display_anchor = node.get("display-anchor")
    baseline = node.get("dominant-baseline", node.get("alignment-baseline"))
    if display_anchor == "middle":
        return -height / 2
    if display_anchor == "top":
        return 0
    if display_anchor == "bottom":
        return -height
    if baseline in ("central", "middle"):
        return (ascent + descent) / 2 - descent
    if baseline in ("text-before-edge", "before_edge", "top", "hanging", "text-top"):
        return ascent
    if baseline in ("text-after-edge", "after_edge", "bottom", "text-bottom"):
        return -descent
    return 0


@contextmanager
def whole_svg_text() -> Iterator[None]:
    """While inside, WeasyPrint draws each simple SVG label as one text run (see the module text);
    everything is put back on leaving (also after an error)."""
    import weasyprint.svg as svg_module

    original = vars(svg_module).get("text")
    with ExitStack() as stack:
        stack.enter_context(replaced(svg_module, "text", _text))
        if original is not None:
            tags = svg_module.TAGS
            names = [name for name, drawer in tags.items() if drawer is original]
            for name in names:
                tags[name] = svg_module.text
            stack.callback(tags.update, {name: original for name in names})
        stack.enter_context(replaced(svg_module.SVG, "draw_node", _draw_node))
        yield
