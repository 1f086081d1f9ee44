"""Reproducible output: the build date comes from the commit, not the clock.

MkDocs and Material read ``SOURCE_DATE_EPOCH`` for every date they print
(sitemap ``lastmod``, the gzip header of ``sitemap.xml.gz``, page dates). When
the site lives in a git work tree and the variable is not set, it is set to
the committer date of ``HEAD``, so two builds of one commit are byte-identical.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path


def commit_epoch(root: Path) -> int | None:
    """Committer time of ``HEAD`` (seconds since 1970) for the work tree holding
    ``root``; ``None`` outside git or without a commit."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                             text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    text = out.stdout.strip()
    return int(text) if out.returncode == 0 and text.isdigit() else None


def set_source_date(root: Path) -> str | None:
    """Set ``SOURCE_DATE_EPOCH`` from the commit unless already set; returns its value."""
    if "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = commit_epoch(root)
        if epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    return os.environ.get("SOURCE_DATE_EPOCH")


def source_datetime() -> datetime.datetime | None:
    """``SOURCE_DATE_EPOCH`` (set by :func:`set_source_date`) as a UTC time; ``None`` when unset."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch.isdigit() else None
