"""Allow-list sanitizing of every piece of HTML that reaches a page.

Editors write Markdown, and Markdown lets raw HTML through. Before a page is
written, its rendered body, its title, its description and its table of
contents pass through :mod:`nh3` (the Rust *ammonia* sanitizer): tags and
attributes not listed here are removed, ``<script>``/``<style>`` lose their
content, URLs keep only ``http``, ``https``, ``mailto``, ``tel`` or a relative
form, and inline ``style`` keeps only ``text-align`` (Markdown tables use it).
"""

from __future__ import annotations

import re

import nh3

TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
    }
)
"""Elements Markdown, its extensions and our generated pages produce."""

ATTRIBUTES = {
    "*": {
        "class",
        "id",
        "title",
        "lang",
        "dir",
        "style",
        "role",
        "aria-label",
        "aria-labelledby",
        "aria-describedby",
        "aria-hidden",
        "tabindex",
    },
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"scope", "colspan", "rowspan", "headers", "abbr"},
    "td": {"colspan", "rowspan", "headers"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "span": {"aria-hidden"},
    "details": {"open"},
    "time": {"datetime"},
    "abbr": {"title"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
REMOVED_WITH_CONTENT = frozenset({"script", "style"})
REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|[/\\]{2})", re.IGNORECASE)
"""A URL that names a host or a scheme: a page must not load anything from elsewhere. Browsers read
``\\`` as ``/`` and drop tabs and line breaks, so ``\\\\host/x.png``, ``/\\host`` and ``https:\\\\host``
name a host too; any scheme (``https:host``, ``data:``) counts as remote."""
IGNORED = re.compile(r"[\t\n\r]")
EDGE = "".join(map(chr, range(33)))
"""Control characters and the space, which browsers strip from both ends of a URL."""


def is_remote(url: str) -> bool:
    """Whether an image URL would make the browser fetch from another host (see :data:`REMOTE`)."""
    return bool(REMOTE.match(IGNORED.sub("", url).strip(EDGE)))


def clean_html(html: str, remote: list[str] | None = None, single_document: bool = False) -> str:
    """``html`` (a fragment) with everything outside the allow-list removed.

    Links are left as written (no ``rel`` added), so a clean page is unchanged.
    Images may only come from the site itself: an ``<img>`` with a URL on
    another host loses its ``src``, and the URL is appended to ``remote``.
    With ``single_document`` (the PDF) a link keeps its ``href`` only if it points
    inside the document (``#id``) or to the web (``http(s):``, ``mailto:``); any
    other (``#``, a relative file) would become a ``file:`` link to the build.
    """

    def local_only(tag: str, attr: str, value: str) -> str | None:
        if tag == "img" and attr == "src" and is_remote(value):
            if remote is not None:
                remote.append(value)
            return None
        if (
            single_document
            and tag == "a"
            and attr == "href"
            and not (
                len(value) > 1 and value.startswith("#") or value.lower().startswith(("http://", "https://", "mailto:"))
            )
        ):
            return None
        return value

    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        filter_style_properties={"text-align"},
        strip_comments=True,
        attribute_filter=local_only,
    )


def plain_text(text: str) -> str:
    """``text`` with all markup removed, safe inside an element or a quoted attribute.

    Text without ``<``, ``>`` or ``"`` is returned unchanged (so ``Thema's`` and
    ``R&D`` stay as MkDocs would show them); otherwise tags are stripped and
    ``&``, ``<``, ``>`` and ``"`` become entities. For titles and descriptions
    that themes insert without escaping.
    """
    if not any(ch in text for ch in '<>"'):
        return text
    return nh3.clean(text, tags=set(), clean_content_tags=set(REMOVED_WITH_CONTENT)).replace('"', "&quot;")


def clean_nav(items) -> None:
    """Sanitize the titles of MkDocs nav items (sections, links, pages with a title
    from ``nav``) in place; titles from front matter or headings are cleaned with
    their page (``on_page_content``)."""
    for item in items:
        if "title" in vars(item) and isinstance(item.title, str):
            item.title = plain_text(item.title)
        clean_nav(getattr(item, "children", None) or [])


MAY_CHANGE = re.compile(r'[<>&"\u00a0]')
"""Characters the sanitizer may change; text without any of them comes out as it went in."""


def clean_toc(items) -> None:
    """Sanitize the titles of a MkDocs table of contents in place (a title without
    markup, entities or quotes is left alone: the sanitizer would return it unchanged)."""
    for item in items:
        if MAY_CHANGE.search(item.title):
            item.title = clean_html(item.title)
        clean_toc(item.children)
