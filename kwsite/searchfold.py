"""Search that finds Dutch words with and without their diacritics.

A reader types ``financien``, ``orientatie`` or ``ideeen``; the text says ``financiën``,
``oriëntatie``, ``ideeën``. Material's search (lunr, in a web worker) matches tokens exactly, and
its query turns every term into a prefix query, which skips lunr's pipeline, so neither a lunr
pipeline function nor the Dutch stemmer (which folds ë → e) can help the query.

So the index carries the folded form: :func:`add_folded_field` gives every search entry whose
text holds a word with a diacritic an extra field ``folded`` — those words without their marks
(``financiën oriëntatie`` → ``financien orientatie``) — and ``folded_title`` likewise for its title,
and declares both fields in the index's ``fields`` with the boost of text and title. A query with the marks still matches the text as before; a query
without them matches the folded field. Results show the text as written; only the words found
through ``folded`` are not highlighted in the snippet.

Runs in the plugin's ``on_post_build`` before the search plugin writes ``search/search_index.json``
(and so before Material's offline plugin inlines it).
"""

from __future__ import annotations

import functools
import re
import unicodedata

FIELDS = {"title": ("folded_title", 1e3), "text": ("folded", 1e0)}
"""Field of the index → (its folded field, boost as Material gives the field)."""
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
TAG = re.compile(r"<[^>]*>")


def fold(text: str) -> str:
    """``text`` without combining marks: ``'ideeën'`` → ``'ideeen'``, ``'café'`` → ``'cafe'``."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def folded_words(*texts: str) -> str:
    """The words of ``texts`` (HTML tags ignored) that change when folded, folded, lower case, each once,
    in order of first appearance, separated by spaces; ``''`` when there is none."""
    seen: dict[str, None] = {}
    for text in texts:
        if not text or text.isascii():  # folding changes no ASCII word: skip the text, and below the word
            continue
        for word in WORD.findall(TAG.sub(" ", text)):
            if word.isascii():
                continue
            plain = fold(word).lower()
            if plain != word.lower():
                seen.setdefault(plain, None)
    return " ".join(seen)


@functools.lru_cache(maxsize=1 << 15)  # kwsite serve: the entries of pages not rebuilt come again
def _folded(text: str) -> str:
    return folded_words(text)


def add_folded_field(plugins) -> int:
    """Give the entries of Material's search index the ``folded`` and ``folded_title`` fields (see the module); returns how
    many entries got one. Does nothing (0) when the search plugin is not in ``plugins``."""
    search = plugins.get("material/search") or plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is None:
        return 0
    count = 0
    fields = index.config.setdefault("fields", {})
    for source, (name, boost) in FIELDS.items():
        fields.setdefault(name, {"boost": fields.get(source, {}).get("boost", boost)})
    for entry in index.entries:
        found = False
        for source, (name, _) in FIELDS.items():
            words = _folded(entry.get(source, "") or "")
            if words:
                entry[name] = words
                found = True
            else:
                entry.pop(name, None)
        count += found
    return count
