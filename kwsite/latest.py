"""Stable links to the newest edition beyond HTML: ``/latest/downloads/kwaliteitsagenda.pdf``, the
CSV/JSON/Excel downloads and chart SVGs, and canonical links that never point at a 404.

``kwsite publish`` deploys an edition with mike and the alias ``latest`` as *redirects*: mike
writes a small HTML page under ``latest/`` for every HTML page of the edition, and nothing for any
other file (a redirect page cannot stand in for a PDF or a CSV). Every edition's pages carry a
canonical link to ``<site_url>/latest/<page>``, written when that edition was built.

:func:`complete` runs after ``mike deploy`` in the repository (working directory), in one more
commit on the publishing branch:

- every file of the newest edition that is not HTML is copied to the same path under ``latest/``
  (same bytes, so ``/latest/downloads/…`` is the newest download);
- for every HTML page that an older edition has and ``latest/`` has not, a redirect page (mike's
  own template) is written at ``latest/<page>`` to the newest older edition that has the page —
  so the canonical link of that page resolves to the page itself instead of a 404.

Uses mike's git helpers (:mod:`mike.git_utils`), so it works on the same branch state as mike.
"""

from __future__ import annotations

import posixpath
import subprocess
import sys

ALIAS = "latest"


def _names(branch: str, folder: str) -> list[str]:
    """Paths of the files under ``folder`` on ``branch`` (relative to it); ``[]`` when it is absent."""
    run = subprocess.run(["git", "ls-tree", "-r", "--name-only", "-z", f"{branch}:{folder}"], capture_output=True)
    return [n for n in run.stdout.decode("utf-8").split("\0") if n] if run.returncode == 0 else []


def plan(branch: str, version: str, older: list[str], alias: str = ALIAS) -> tuple[list[str], dict[str, str]]:
    """What :func:`complete` adds: the non-HTML files of ``version`` to copy under ``alias/``, and
    ``{page path under alias/: edition that has it}`` for the redirects of pages gone from the newest.
    ``older``: the other editions, newest first."""
    newest = _names(branch, version)
    copies = [n for n in newest if not n.endswith(".html")]
    present = {n for n in newest if n.endswith(".html")}
    gone: dict[str, str] = {}
    for edition in older:
        for name in _names(branch, edition):
            if name.endswith(".html") and name not in present and name != "404.html":
                gone.setdefault(name, edition)
    return copies, gone


def complete(branch: str, version: str, alias: str = ALIAS, use_directory_urls: bool = True) -> tuple[int, int]:
    """Add the copies and redirects of :func:`plan` to ``branch`` in one commit; returns their counts."""
    from mike import commands, git_utils
    from mike.versions import Versions

    versions = Versions.loads(git_utils.read_file(branch, "versions.json", universal_newlines=True))
    older = [str(v.version) for v in versions if str(v.version) != version]
    copies, gone = plan(branch, version, older, alias)
    if not copies and not gone:
        return 0, 0
    template = commands._redirect_template()
    with git_utils.Commit(branch, f"kwsite: downloads en verdwenen pagina's onder /{alias}/ ({version})") as commit:
        for name in copies:
            data = git_utils.read_file(branch, posixpath.join(version, name))
            commit.add_file(git_utils.FileInfo(posixpath.join(alias, name), data))
        for name, edition in sorted(gone.items()):
            href = posixpath.relpath(posixpath.join(edition, name), posixpath.dirname(posixpath.join(alias, name)))
            if use_directory_urls and posixpath.basename(href) == "index.html":
                href = posixpath.dirname(href) + "/"
            commit.add_file(git_utils.FileInfo(posixpath.join(alias, name), template.render(href=href)))
    return len(copies), len(gone)


if __name__ == "__main__":  # python -m kwsite.latest BRANCH VERSION [--no-directory-urls]
    copied, redirected = complete(sys.argv[1], sys.argv[2], use_directory_urls="--no-directory-urls" not in sys.argv)
    sys.stderr.write(f"latest: {copied} bestand(en) gekopieerd, {redirected} verdwenen pagina('s) doorverwezen\n")
