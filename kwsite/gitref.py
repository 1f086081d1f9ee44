"""How ``agenda.edition.previous`` may name the previous edition: the rule validation and
:mod:`kwsite.editions` share (a module of its own, so that validation needs nothing of editions)."""

from __future__ import annotations

import re

REF = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._/~^-]*")
"""How ``agenda.edition.previous`` may be written: a tag, branch or commit (``v2021``, ``HEAD~1``) or a
folder path; never starting with ``-`` (git would read it as an option: ``--output=…`` writes a file)."""


def ref_problem(ref: str) -> str | None:
    """Why ``ref`` cannot name the previous edition, in Dutch, or ``None``."""
    if not REF.fullmatch(ref) or ".." in ref.split("/"):
        return (
            "verwacht een git-tag, -tak of -commit of een map in de repository (letters, cijfers, . _ / ~ ^ -, "
            "niet beginnend met - en zonder ..)"
        )
    return None
