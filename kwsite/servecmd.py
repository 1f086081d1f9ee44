"""``kwsite serve``: MkDocs' development server, run in this process, that keeps serving when a build
fails and shows the problems in the browser.

MkDocs itself stops at a failed first build ("Aborted with a BuildError!"), and after a failed rebuild
every page request waits until the error is fixed ("The server will appear stuck…", in the terminal
only). Here a failed build is caught: the terminal gets one Dutch line, every page request gets a Dutch
page listing the problems (``BESTAND:REGEL:KOLOM veld: melding``, as ``kwsite validate`` writes them),
with MkDocs' live-reload script, so the browser shows the site again as soon as a rebuild succeeds.
"""

from __future__ import annotations

import errno
import faulthandler
import gc
import logging
import re
import signal
import threading
import time
from html import escape

from .dutch import translate

log = logging.getLogger("mkdocs.plugins.kwsite")

PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>De site kan niet gebouwd worden</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}}
pre{{white-space:pre-wrap;background:#fdf3f2;border-left:4px solid #a4262c;padding:1rem;font-size:14px}}</style>
</head><body><main>
<h1>De site kan niet gebouwd worden</h1>
<p>De laatste wijziging bevat {count}. Verbeter {it} in het genoemde bestand (bestand:regel:kolom); deze pagina
laadt vanzelf opnieuw zodra de site weer gebouwd is.</p>
<pre>{problems}</pre>
</main></body></html>
"""


BUILD_DELAY = 0.05
"""Seconds without a further change before a rebuild starts (MkDocs waits 0,1 s): an editor's save, also
one through a temporary file and a rename, or a save of several files at once, comes within a few
milliseconds; a change seen later still gets its own rebuild."""


class State:
    """The problems of the last build, or ``None`` when it succeeded (shared by the build and the server)."""

    def __init__(self):
        self.problems: list[str] | None = None
        self.lock = threading.Lock()


STATE = State()


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def guarded(build, clear: bool = True):
    """``build`` (MkDocs' build function, or the server's builder around it) that records a failure in
    :data:`STATE` instead of raising, so the server keeps serving. Only the inner one (``clear``) marks a
    finished build as good; the outer one catches what fails before the build (an invalid ``mkdocs.yml``)."""

    def run(*args, **kwargs):
        collect = _Collect()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(collect)
        try:
            build(*args, **kwargs)
        except (Exception, SystemExit) as exc:  # a config error raises SystemExit-like Abort
            messages = [m for m in collect.messages if m] or [translate(str(exc))]
            with STATE.lock:
                STATE.problems = messages
            log.warning(
                "de site is niet gebouwd; de fouten staan hierboven en in de browser. "
                "Serve blijft draaien en bouwt opnieuw na de volgende wijziging."
            )
            return
        finally:
            logger.removeHandler(collect)
        if clear:
            with STATE.lock:
                STATE.problems = None

    return run


class IdleCollector:
    """Python's cycle collector between the builds of ``serve`` rather than during them.

    After a build the process holds the whole site's objects (on the 40-college corpus a full
    collection scans them in 0,1-0,15 s, and a rebuild set off one or two of those). So ``delay`` s
    after each build (the browser has its page by then) a thread collects once and freezes what is
    left (:func:`gc.freeze`): the collections a rebuild sets off then scan only what that rebuild
    made. The next idle collection unfreezes first, so nothing frozen is kept longer than one build.
    It never runs during a build (it holds :attr:`lock`, which :meth:`wrap` takes for each build)."""

    def __init__(self, delay: float = 0.3) -> None:
        self.delay = delay
        self.lock = threading.Condition()
        self.builds = 0
        """Builds finished so far."""
        self.building = False
        self.collections = 0
        self.stopped = False
        threading.Thread(target=self._run, name="kwsite-gc", daemon=True).start()

    def wrap(self, build):
        def run(*args, **kwargs):
            with self.lock:
                self.building = True
            try:
                return build(*args, **kwargs)
            finally:
                with self.lock:
                    self.building = False
                    self.builds += 1
                    self.lock.notify_all()

        return run

    def _run(self) -> None:
        seen = 0
        while True:
            with self.lock:
                self.lock.wait_for(lambda seen=seen: self.stopped or (self.builds > seen and not self.building))
                if self.stopped:
                    return
                seen = self.builds
            time.sleep(self.delay)
            with self.lock:
                if self.stopped or self.building or self.builds != seen:
                    continue  # a new build came first: wait for its end
                gc.unfreeze()
                gc.collect()
                gc.freeze()
                self.collections += 1

    def stop(self) -> None:
        """End the thread; everything frozen is collected as usual again."""
        with self.lock:
            self.stopped = True
            self.lock.notify_all()
            gc.unfreeze()


def error_page(problems: list[str]) -> bytes:
    """The Dutch page that stands in for every page while the site cannot be built."""
    lines = [line.removeprefix("kwsite: ") for text in problems for line in text.splitlines()]
    count = len([line for line in lines if ":" in line and not line.rstrip().endswith(":")]) or 1
    words = ("een fout", "die") if count == 1 else (f"{count} fouten", "ze")
    return PAGE.format(count=words[0], it=words[1], problems=escape("\n".join(lines))).encode("utf-8")


def _server_class():
    from mkdocs.livereload import LiveReloadServer

    from .watcher import Watcher

    class KwsiteServer(LiveReloadServer):
        """MkDocs' server with a builder that never raises, the error page while a build has failed,
        and a watcher that sees a save at once (:mod:`kwsite.watcher`; MkDocs polls every 0,5 s)."""

        def __init__(self, builder, *args, **kwargs):
            super().__init__(guarded(builder, clear=False), *args, **kwargs)
            self.observer = Watcher(self.observer.timeout)
            self.build_delay = BUILD_DELAY

        def _serve_request(self, environ, start_response):
            path = environ.get("PATH_INFO", "")
            with STATE.lock:
                problems = STATE.problems
            if problems is None or path.startswith("/livereload/") or not _is_page(path):
                return super()._serve_request(environ, start_response)
            with self._epoch_cond:
                epoch = self._visible_epoch
            body = self._inject_js_into_html(error_page(problems), epoch)
            start_response(
                "500 Internal Server Error",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
            )
            return [body]

    return KwsiteServer


def _is_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return not last or last.endswith(".html") or "." not in last


class _RequestsAreNoWarnings(logging.Filter):
    """The server logs a request answered with 4xx/5xx as a WARNING, and a strict build counts every
    warning logged while it runs: a browser asking for a missing file (or for the error page) during a
    rebuild would abort that rebuild. Requests are logged as INFO instead."""

    def filter(self, record):
        if record.levelno == logging.WARNING and re.match(r'(\[[\d:]+\] )?"', str(record.msg)):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def run(args: list[str]) -> None:
    """Run ``mkdocs serve ARGS`` in this process with the guarded build and server."""
    import mkdocs.commands.serve as serve
    from mkdocs.__main__ import cli

    from .dutch import install

    install()  # MkDocs' lines in Dutch, no Material banner
    if hasattr(signal, "SIGUSR1"):  # `kill -USR1 PID`: where every thread of serve is, on stderr (a hang)
        faulthandler.register(signal.SIGUSR1, all_threads=True)
    logging.getLogger("mkdocs.livereload").addFilter(_RequestsAreNoWarnings())

    collector, build, server = IdleCollector(), serve.build, serve.LiveReloadServer
    serve.build = collector.wrap(guarded(serve.build))  # every build (the first one MkDocs calls directly)
    serve.LiveReloadServer = _server_class()
    try:
        cli.main(args=["serve", *args], prog_name="kwsite serve")
    except OSError as exc:  # the address: in use, not of this machine, or a port that needs root
        raise SystemExit(f"Fout: kwsite serve kan niet luisteren op {_address(args)}: {_why(exc)}") from None
    finally:
        collector.stop()
        serve.build, serve.LiveReloadServer = build, server  # a later serve in this process wraps them anew


def _address(args: list[str]) -> str:
    for i, arg in enumerate(args):
        if arg in ("-a", "--dev-addr") and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--dev-addr="):
            return arg.split("=", 1)[1]
    return "127.0.0.1:8000"


def _why(exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return "dat adres is al in gebruik (draait er al een kwsite serve?); kies een andere poort, bijvoorbeeld -a 127.0.0.1:8001"
    if exc.errno == errno.EACCES:
        return "geen toestemming voor die poort; kies een poort boven 1024"
    if exc.errno == errno.EADDRNOTAVAIL:
        return "dat adres hoort niet bij deze computer; gebruik bijvoorbeeld -a 127.0.0.1:8000"
    return exc.strerror or str(exc)
