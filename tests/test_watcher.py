"""`kwsite serve`'s file watcher (kwsite.watcher): inotify, and polling when inotify cannot be used."""

from __future__ import annotations

import errno
import threading

from watchdog.events import FileSystemEventHandler

from kwsite.watcher import ENV, Watcher


class Seen(FileSystemEventHandler):
    def __init__(self):
        self.paths: list[str] = []
        self.event = threading.Event()

    def on_any_event(self, event):
        if not event.is_directory:
            self.paths.append(event.src_path)
            self.event.set()


def _edit_is_seen(tmp_path, watcher: Watcher) -> Seen:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "cijfer.csv").write_text("college,2017\nNrd,7.0\n", encoding="utf-8")
    seen = Seen()
    watcher.schedule(seen, str(tmp_path / "data"), recursive=True)
    watcher.start()
    try:
        (tmp_path / "data" / "cijfer.csv").read_text(encoding="utf-8")  # reading is no change
        assert not seen.event.wait(1.5), seen.paths
        (tmp_path / "data" / "cijfer.csv").write_text("college,2017\nNrd,7.3\n", encoding="utf-8")
        assert seen.event.wait(30), "no event for the edit"
    finally:
        watcher.stop()
        watcher.join(10)
    assert str(tmp_path / "data" / "cijfer.csv") in seen.paths
    return seen


def test_inotify_sees_an_edit_and_not_a_read(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    watcher = Watcher(0.5)
    assert watcher.kind == "inotify"
    _edit_is_seen(tmp_path, watcher)
    assert watcher.kind == "inotify"


def test_watch_limit_reached_falls_back_to_polling(tmp_path, monkeypatch, caplog):
    from watchdog.observers import inotify

    def full(self):
        raise OSError(errno.ENOSPC, "inotify watch limit reached")

    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.setattr(inotify.InotifyEmitter, "on_thread_start", full)
    watcher = Watcher(0.2)
    assert watcher.kind == "inotify"
    with caplog.at_level("INFO", logger="mkdocs.plugins.kwsite"):
        _edit_is_seen(tmp_path, watcher)
    assert watcher.kind == "polling"
    assert "bestanden worden elke 0,2 s bekeken (inotify niet te gebruiken: inotify watch limit reached)" in caplog.text


def test_no_inotify_instance_left_falls_back_at_schedule(tmp_path, monkeypatch):
    from watchdog.observers import inotify

    def none_left(self):
        raise OSError(errno.EMFILE, "inotify instance limit reached")

    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.setattr(inotify.InotifyFD, "__init__", none_left)
    watcher = Watcher(0.2)
    _edit_is_seen(tmp_path, watcher)
    assert watcher.kind == "polling"


def test_polling_when_asked(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV, "polling")
    watcher = Watcher(0.2)
    assert watcher.kind == "polling"
    _edit_is_seen(tmp_path, watcher)
