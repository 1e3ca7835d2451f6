"""Spreadsheet-safe cell values: kept in kim.core.exports, shared by every export."""

from kim.core.exports import FORMULA_PREFIXES, safe_cell

__all__ = ["FORMULA_PREFIXES", "safe_cell"]
