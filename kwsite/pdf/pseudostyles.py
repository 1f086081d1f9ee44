"""A workaround for the memory WeasyPrint spends on pseudo-element styles nobody uses.

WeasyPrint's user-agent stylesheet (70.0, ``css/html5_ua.css``) has six rules with a bare
pseudo-element selector (``::marker``, ``::footnote-call``, ``::footnote-marker``, ``::note-call``,
``::note-marker``, ``::note-callback``). They match every element, so ``StyleFor`` computes six
``ComputedStyle`` objects per element, none shared: 307,000 of them for the 51,000 elements of a
683-page document, about a third of the memory the styles hold. The styles of real elements are
already shared when parent style, declarations and matched selectors are the same;
:func:`shared_pseudo_styles` does the same for pseudo-elements: a pseudo-element whose element has
the same computed style and whose cascaded declarations are the same objects gets the same
``ComputedStyle``. A computed style depends only on its parent style and its cascaded values (not on
the element), so the PDF is byte-identical (``tests/test_pdf_pseudostyles.py``). The fix proposed
upstream is in ``benchmarks/upstream-weasyprint-pseudo-styles.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .patching import replaced


UA_PSEUDO = frozenset(("marker", "footnote-call", "footnote-marker", "note-call", "note-marker", "note-callback"))
"""The pseudo-elements the user-agent stylesheet gives every element a style for."""


def _patched(original):
    def set_computed_styles(self, element, parent, root=None, pseudo_type=None, base_url=None, target_collector=None):
        if pseudo_type not in UA_PSEUDO or parent is None:  # elements and page margins: as before
            return original(self, element, parent, root, pseudo_type, base_url, target_collector)
        computed = self.get_computed_styles()
        cascaded = self.get_cascaded_styles().get((element, pseudo_type), {})
        key = (
            pseudo_type,
            id(computed[parent, None]),
            base_url,
            tuple((name, id(values), weight) for name, (values, weight) in cascaded.items()),
        )
        cache = self.__dict__.setdefault("_kwsite_pseudo_styles", {})
        if key in cache:
            style = computed[element, pseudo_type] = cache[key][0]
            if target_collector and style["anchor"]:  # as the original does
                target_collector.collect_anchor(style["anchor"])
            return None
        result = original(self, element, parent, root, pseudo_type, base_url, target_collector)
        # keep the cascaded values alive with the style: the key holds their ids
        cache[key] = (computed[element, pseudo_type], cascaded)
        return result

    return set_computed_styles


@contextmanager
def shared_pseudo_styles() -> Iterator[None]:
    """While inside, WeasyPrint shares the computed style of equal pseudo-elements; the original
    method is put back on leaving (also after an error)."""
    from weasyprint.css import StyleFor

    with replaced(StyleFor, "set_computed_styles", _patched):
        yield
