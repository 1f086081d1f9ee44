"""The kwsite data model (pydantic, unknown keys forbidden)."""

from .agenda import Agenda, Edition, Institution, Phase, Plan
from .budget import AdditionalFunds, AdditionalTotal, Allocation, Budget, PrintedTotal
from .indicator import Baseline, Indicator, Scale, Target
from .measure import Measure
from .site import Row, Site, TableData
from .table import Table
from .theme import Goal, Theme
from .unit import Unit

__all__ = [
    "AdditionalFunds", "AdditionalTotal", "Agenda", "Allocation", "Baseline", "Budget", "Edition",
    "Goal", "Indicator", "Institution", "Measure", "Phase", "Plan", "PrintedTotal", "Row", "Scale", "Site",
    "Table", "TableData", "Target", "Theme", "Unit",
]

from .lines import Line, LineSet, LineTarget, Owner  # noqa: E402
from .teamplan import TeamPlan  # noqa: E402

__all__ += ["Line", "LineSet", "LineTarget", "Owner", "TeamPlan"]
