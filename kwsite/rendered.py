"""Generated pages' texts kept between builds, beside the charts: a page whose template context did not
change is read instead of rendered again.

:meth:`kwsite.templating.Templates.render` is a function of the template files, the context and the code
that renders (kwsite, Jinja2, MarkupSafe, pydantic models in the context, Python). :class:`KeptTexts` keys a
rendered text by :func:`kwsite.templating.frozen` of the context (sha256 of its pickle: equal pickles are
equal values of the same types) together with the template's name and :func:`salt`: the template files
(:func:`kwsite.templating._template_state`), every source file of kwsite, and the versions of Python,
Jinja2, MarkupSafe and pydantic. Any change there gives other keys, so nothing is read that this code
would not render the same way; a context that pickles differently in another process (a set) is just
rendered again. Entries are JSON (text, no code) in the chart cache
(:meth:`kwsite.chartcache.ChartCache.put_file`, suffix ``.json``, in its database), pruned with the charts.
"""

from __future__ import annotations

import copyreg
import functools
import hashlib
import io
import pickle
import sys
from importlib.metadata import version
from pathlib import Path

FORMAT = 1
PACKAGE = Path(__file__).parent


@functools.cache
def _code() -> bytes:
    """sha256 of every ``.py`` file of kwsite (path and text) and of the versions that render."""
    digest = hashlib.sha256(f"kwsite-text:{FORMAT}:{sys.version}".encode())
    for name in ("jinja2", "markupsafe", "pydantic", "pydantic-core"):
        digest.update(f"\0{name}={version(name)}".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(f"\0{path.relative_to(PACKAGE).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    return digest.digest()


def salt(templates: str) -> str | None:
    """What every key of this build starts with (see the module): :func:`_code` and ``templates``, the
    digest of the template files (:func:`kwsite.templating._template_state`); ``None`` (nothing kept) when a
    source file cannot be read."""
    try:
        return hashlib.sha256(_code() + templates.encode()).hexdigest()
    except (OSError, ValueError):
        return None


def pickled(context: dict) -> bytes:
    """The pickle of ``context`` as :func:`kwsite.templating.frozen` makes it, but the same in every
    process: a pydantic model's set of fields given (``__pydantic_fields_set__``, whose order follows the
    process's string hashing) is written sorted. Equal results are still equal values of the same types
    (a model: its class, field values, fields given, extra and private values). Only compared, never loaded."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.dispatch_table = _models()
    pickler.dump(context)
    return buffer.getvalue()


def _model(*parts):
    """Stands for a model in :func:`pickled` (never called: those pickles are not loaded)."""
    raise TypeError("alleen om te vergelijken")


def _reduce_model(model) -> tuple:
    fields = tuple(sorted(model.__pydantic_fields_set__))
    state = (model.__dict__, model.__pydantic_extra__, model.__pydantic_private__)
    return _model, (type(model), fields, *state)


def _models() -> dict:
    """``copyreg``'s table plus :func:`_reduce_model` for every pydantic model class defined so far."""
    from pydantic import BaseModel

    table = dict(copyreg.dispatch_table)
    todo = [BaseModel]
    while todo:
        for cls in todo.pop().__subclasses__():
            table[cls] = _reduce_model
            todo.append(cls)
    return table


class KeptTexts:
    """Rendered texts in ``cache`` (a :class:`kwsite.chartcache.ChartCache` with a folder) for the
    template files whose digest is ``templates()`` (called only when there is a folder). ``hits`` counts
    the texts read."""

    def __init__(self, cache, templates):
        self.cache = cache
        self.salt = salt(templates()) if getattr(cache, "directory", None) is not None else None
        self.hits = 0

    def digest(self, name: str, context: dict) -> str | None:
        """The entry's digest for template ``name`` and ``context`` (:func:`pickled`); ``None`` when the
        context cannot be pickled (a callable) or nothing is kept."""
        if self.salt is None:
            return None
        try:
            key = pickled(context)
        except Exception:  # noqa: BLE001  (pickle raises several kinds for what it cannot take)
            return None
        return hashlib.sha256(f"{self.salt}\0{name}\0".encode() + key).hexdigest()

    def get(self, digest: str) -> str | None:
        entry = self.cache.get_entry(digest, FORMAT)
        text = None if entry is None else entry.get("text")
        if not isinstance(text, str):
            return None
        self.hits += 1
        return text

    def put(self, digest: str, text: str) -> None:
        self.cache.put_entry(digest, FORMAT, {"text": text})
