"""The indicator chart: kim's one line-chart geometry (kim.core.charts).

Every point is also in the data table beside the chart (product.md §6); hidden cells
("<3", "x", ".") are gaps in the line, never drawn as a value.
"""

from kim.core.charts import Chart, Point, line_chart

__all__ = ["Chart", "Point", "line_chart"]
