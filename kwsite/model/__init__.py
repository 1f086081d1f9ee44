"""The kwsite data model (pydantic, unknown keys forbidden)."""

from .activity import Activity
from .agenda import Agenda, Edition, Institution, Phase, Plan
from .budget import AdditionalFunds, AdditionalTotal, Allocation, Budget, PrintedTotal
from .indicator import Baseline, Indicator, Realisation, Scale, Target
from .lines import Line, LineSet, LineTarget, Owner
from .measure import Measure
from .process import Step, Timeline
from .ratio import RatioColumn, RatioTable
from .site import Row, Site, TableData
from .table import Table
from .teamplan import TeamPlan
from .theme import Goal, Theme
from .unit import Unit

__all__ = [
    "Activity",
    "AdditionalFunds",
    "AdditionalTotal",
    "Agenda",
    "Allocation",
    "Baseline",
    "Budget",
    "Edition",
    "Goal",
    "Indicator",
    "Institution",
    "Line",
    "LineSet",
    "LineTarget",
    "Measure",
    "Owner",
    "Phase",
    "Plan",
    "PrintedTotal",
    "RatioColumn",
    "RatioTable",
    "Realisation",
    "Row",
    "Scale",
    "Site",
    "Step",
    "Table",
    "TableData",
    "Target",
    "TeamPlan",
    "Theme",
    "Timeline",
    "Unit",
]
