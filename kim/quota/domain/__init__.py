"""Allocation and quota logic. The modules keys, residence_key, obligation, forecast,
tables and chart are pure Python (no Django); statistics and arrivals query the models."""
