"""Text widths for min-/max-content sizes measured once per text and font, not once per box.

To size a table column (and a page's running heads, the margin boxes), WeasyPrint (70.0,
``layout/preferred.py``, ``inline_line_widths``) lays out the text of every cell with Pango, once for
the max-content width and word by word for the min-content width, and throws the layout away: only
the width and where the next line starts are read. A corpus PDF repeats the same texts in the same
font thousands of times (the years and values of 1,200 college tables, the running heads of every
page); this was about a tenth of its CPU time. :func:`measured_once` remembers those two numbers per
text and per the style properties that Pango's line breaking reads, for the length of one render, and
the answer of ``can_break_text`` (a Pango layout per call, asked per text box; 3,7 % of the CPU time of
the theme pages) per text and language.
Same arguments, same numbers: the PDF bytes do not change (``tests/test_pdf_textwidths.py``). Proposed
upstream in ``benchmarks/upstream-weasyprint-large-documents.md`` (section 6).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .patching import replaced

TEXT_PROPERTIES = (
    "direction",
    "font_family",
    "font_feature_settings",
    "font_kerning",
    "font_language_override",
    "font_size",
    "font_stretch",
    "font_style",
    "font_variant_alternates",
    "font_variant_caps",
    "font_variant_east_asian",
    "font_variant_ligatures",
    "font_variant_numeric",
    "font_variant_position",
    "font_variation_settings",
    "font_weight",
    "hyphenate_character",
    "hyphenate_limit_chars",
    "hyphenate_limit_zone",
    "hyphens",
    "lang",
    "letter_spacing",
    "line_height",
    "overflow_wrap",
    "tab_size",
    "text_decoration_line",
    "white_space",
    "word_break",
    "word_spacing",
)
"""Every computed property WeasyPrint 70's ``text/`` modules read from a style (``grep "style\\["``)."""


def _measured_once(original):
    """``split_first_line`` as ``preferred.py`` uses it (only the resume index and the width are read),
    remembering both per text, style and arguments."""
    cache: dict[tuple, tuple] = {}

    def split_first_line(text, style, context, max_width, justification_spacing, is_line_start=True, minimum=False):
        try:
            key = (
                text,
                tuple(style[name] for name in TEXT_PROPERTIES),
                id(style.font_config),
                max_width,
                justification_spacing,
                is_line_start,
                minimum,
            )
            found = cache.get(key)
        except TypeError:  # a value that cannot be hashed: measure as WeasyPrint does
            return original(text, style, context, max_width, justification_spacing, is_line_start, minimum)
        if found is None:
            _, _, resume_index, width, _, _ = original(
                text, style, context, max_width, justification_spacing, is_line_start, minimum
            )
            found = cache[key] = (resume_index, width, style.font_config)  # keeps the config (and its id) alive
        return None, None, found[0], found[1], None, None

    return split_first_line


def _asked_once(original):
    """``can_break_text(text, lang)`` (a Pango layout made to ask whether ``text`` has a line break
    opportunity) remembering its answer per text and language."""
    cache: dict[tuple, bool] = {}

    def can_break_text(text, lang):
        key = (text, lang)
        found = cache.get(key)
        if found is None:
            found = cache[key] = original(text, lang)
        return found

    return can_break_text


@contextmanager
def measured_once() -> Iterator[None]:
    """While inside, WeasyPrint's min-/max-content widths measure each text once per style, and whether a
    text can break is asked once per text and language (see the module text); the original functions are
    put back on leaving (also after an error)."""
    import weasyprint.layout.inline as inline
    import weasyprint.layout.preferred as preferred

    with replaced(preferred, "split_first_line", _measured_once):
        with replaced(preferred, "can_break_text", _asked_once), replaced(inline, "can_break_text", _asked_once):
            yield
