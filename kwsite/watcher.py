"""The file watcher of ``kwsite serve``: inotify where the system has it, polling otherwise.

MkDocs' server polls the watched folders every half second (``PollingObserver``): a save is seen a
quarter of a second later on average, and each poll reads the whole tree again. :class:`Watcher`
stands in for that observer (``schedule``/``unschedule``/``start``/``stop``/``join``) and uses the
kernel's inotify, which reports a save at once. It falls back to MkDocs' polling, with the same
interval, when inotify is not there (not Linux), when the kernel's limit on watches or inotify
instances is reached (``OSError`` ENOSPC / EMFILE), or when ``KWSITE_WATCH=polling`` asks for it (a
folder on a network or a Windows drive under WSL, whose changes inotify does not see).

Only changes are reported (created, modified, written and closed, moved, deleted): inotify also
reports a file being opened or read, and the build reads every file of ``data/`` and ``content/``,
so those events would start one rebuild after the other.
"""

from __future__ import annotations

import logging
import os

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.kwsite")

CHANGES = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileMovedEvent,
    FileDeletedEvent,
    DirCreatedEvent,
    DirMovedEvent,
    DirDeletedEvent,
]
"""The events that can mean a file changed; not opened, closed without writing, or attributes only."""

ENV = "KWSITE_WATCH"
"""``polling``: always poll (as MkDocs does)."""


def _inotify():
    """A new inotify observer, or ``None`` where there is none (or polling was asked for)."""
    if os.environ.get(ENV, "").strip().lower() == "polling":
        return None
    try:
        from watchdog.observers.inotify import InotifyObserver
    except (ImportError, OSError):  # not Linux, or no inotify in its C library
        return None
    return InotifyObserver()


def _seconds(value: float) -> str:
    return f"{value:g}".replace(".", ",")


class Watcher:
    """A watchdog observer for MkDocs' server: inotify, or polling every ``interval`` seconds.

    ``kind`` is ``"inotify"`` or ``"polling"``. A switch to polling happens at most once, when
    inotify fails (:meth:`schedule` or :meth:`start` raising ``OSError``); the watches scheduled
    so far move along, and the reason is logged once."""

    def __init__(self, interval: float = 0.5) -> None:
        self.interval = interval
        self.observer = _inotify()
        self.kind = "inotify"
        if self.observer is None:
            self.observer, self.kind = PollingObserver(timeout=interval), "polling"
        self.watches: dict[int, tuple] = {}
        """Our handle → (handler, path, recursive, the observer's own watch)."""
        self.started = False

    def _fall_back(self, error: OSError) -> None:
        old = self.observer
        try:
            old.unschedule_all()
            old.stop()
        except Exception:  # noqa: BLE001 - a half-started inotify observer: nothing more to stop
            pass
        reason = error.strerror or str(error)
        log.info(f"bestanden worden elke {_seconds(self.interval)} s bekeken (inotify niet te gebruiken: {reason})")
        self.observer, self.kind = PollingObserver(timeout=self.interval), "polling"
        for key, (handler, path, recursive, _) in list(self.watches.items()):
            self.watches[key] = (handler, path, recursive, self.observer.schedule(handler, path, recursive=recursive))
        if self.started:
            self.observer.start()

    def schedule(self, handler, path: str, recursive: bool = True) -> int:
        """Watch ``path`` (a folder, or a file); returns a handle for :meth:`unschedule`."""
        key = max(self.watches, default=0) + 1
        try:
            watch = self._schedule(handler, path, recursive)
        except OSError as error:
            if self.kind == "polling":
                raise
            self.watches[key] = (handler, path, recursive, None)
            self._fall_back(error)
            return key
        self.watches[key] = (handler, path, recursive, watch)
        return key

    def _schedule(self, handler, path: str, recursive: bool):
        if self.kind == "polling":
            return self.observer.schedule(handler, path, recursive=recursive)
        return self.observer.schedule(handler, path, recursive=recursive, event_filter=CHANGES)

    def unschedule(self, key: int) -> None:
        watch = self.watches.pop(key)[3]
        if watch is not None:
            self.observer.unschedule(watch)

    def start(self) -> None:
        self.started = True
        try:
            self.observer.start()
        except OSError as error:
            if self.kind == "polling":
                raise
            self._fall_back(error)
        if self.kind == "inotify":
            log.info("wijzigingen worden direct gezien (inotify)")
        elif os.environ.get(ENV, "").strip().lower() == "polling":
            log.info(f"bestanden worden elke {_seconds(self.interval)} s bekeken ({ENV}=polling)")

    def stop(self) -> None:
        self.observer.stop()

    def join(self, timeout: float | None = None) -> None:
        if self.observer.is_alive():
            self.observer.join(timeout)

    def is_alive(self) -> bool:
        return self.observer.is_alive()
