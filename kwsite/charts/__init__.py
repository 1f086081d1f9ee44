"""Charts: indicators and data tables → deterministic, accessible SVG.

Every chart function is pure: model in, :class:`Chart` out (SVG text, Dutch alt
text and the data table behind the chart). Drawing uses the matplotlib
``Figure`` API only (never pyplot) on an Agg canvas; all style lives in
:data:`STYLE`, applied per chart with ``matplotlib.rc_context``. Output is
byte-identical across runs and processes: ``svg.hashsalt`` is derived from the
chart key (so ids differ between charts inlined on one page) and no date is
written. Numbers are formatted in Dutch with Babel, never the OS locale.
"""

from .base import CHART_STYLE_VERSION, PALETTE, Chart, contrast_ratio, fmt, target_text
from .indicator import indicator_chart
from .table import table_chart
from .ratio import ratio_chart

__all__ = [
    "CHART_STYLE_VERSION",
    "PALETTE",
    "Chart",
    "contrast_ratio",
    "fmt",
    "indicator_chart",
    "table_chart",
    "target_text",
]
__all__ += ["ratio_chart"]
