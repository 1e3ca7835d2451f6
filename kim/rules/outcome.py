"""The result of one decision area at one date."""

from __future__ import annotations

from datetime import date

# (value, legal basis, parameter row refs, extra date: since / entitled_until / last_day)
Outcome = tuple[str | bool, str, tuple[str, ...], date | None]
