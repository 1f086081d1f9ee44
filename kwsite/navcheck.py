"""Nav entries that point at a heading (``index.md#opbouw``): refused with a clear message.

MkDocs looks such an entry up as a file, does not find it and only warns that the reference "is not
found in the documentation files", so a strict build stops though the page and the heading exist
(MkDocs issue #4026). kwsite reports it as an error naming the line of ``mkdocs.yml`` and what to write
instead (the page itself; the table of contents of the page leads to the heading).
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem

ENTRY = re.compile(r"^(\s*-\s*(?:(?:\"[^\"]*\"|'[^']*'|[^:#\"']+):\s*)?)([\w./\- ]+\.md)#([\w\-.]+)\s*(?:#.*)?$")
"""``  - Titel: pagina.md#anker`` or ``  - pagina.md#anker`` (a YAML comment after it allowed)."""


def check(config: Path) -> list[Problem]:
    """Errors for every nav entry of ``config`` (``mkdocs.yml``) with a ``#anchor``; ``[]`` without one."""
    if not config.is_file():
        return []
    problems, in_nav = [], False
    for number, line in enumerate(config.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if re.match(r"^\S", line):
            in_nav = line.startswith("nav:")
            continue
        match = ENTRY.match(line) if in_nav else None
        if match:
            page, anchor = match.group(2).strip(), match.group(3)
            problems.append(Problem(config.name, number, len(match.group(1)) + 1, "nav",
                                    f"'{page}#{anchor}' verwijst naar een kop; MkDocs kan in de nav alleen naar een "
                                    f"pagina verwijzen (het zou de pagina niet vinden). Schrijf '{page}': de inhoud "
                                    "van de pagina leidt naar de kop"))
    return problems
