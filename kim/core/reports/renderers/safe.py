"""Spreadsheet-safe cell values: kept in kim.core.io.tabular, shared by every export."""

from kim.core.io.tabular import FORMULA_PREFIXES, safe_cell

__all__ = ["FORMULA_PREFIXES", "safe_cell"]
