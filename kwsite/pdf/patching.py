"""One way to put a workaround into WeasyPrint for the length of a render (:func:`replaced`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def replaced(owner: object, name: str, make: Callable) -> Iterator[None]:
    """While inside, ``owner.name`` (a module's function or a class's method) is ``make(original)``;
    the original is put back on leaving (also after an error). When ``owner`` has no such name of its
    own (an upstream WeasyPrint that changed it), nothing is replaced."""
    original = vars(owner).get(name)
    if original is None:
        yield
        return
    setattr(owner, name, make(original))
    try:
        yield
    finally:
        setattr(owner, name, original)
