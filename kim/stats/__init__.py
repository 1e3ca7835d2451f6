"""Pure statistics for aggregate figures (no Django): disclosure control of count tables
with any linear relations, its LP audit, segregation indices and consistency checks of
published tables. See kim/stats/README.md."""
