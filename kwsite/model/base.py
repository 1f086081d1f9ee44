"""Shared building blocks of the data model.

All models forbid unknown keys (``extra="forbid"``) so that a typo'd key in an
editor's YAML file is reported with its file and line instead of being ignored.
Numbers are :class:`decimal.Decimal` so that the precision the source printed
(``69,11`` vs ``68,1``) survives loading and is shown again unchanged.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
"""A lower-case identifier used in references (``1a``, ``meerjarenstrategie``)."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
"""Free text, Markdown allowed where a field says so."""

Year = Annotated[int, Field(ge=1990, le=2100)]
"""A calendar year (``2020``)."""

Number = Decimal
"""A number with the precision the source printed."""


class Model(BaseModel):
    """Base class: frozen, unknown keys forbidden."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)
