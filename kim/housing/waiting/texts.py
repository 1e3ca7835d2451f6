"""English texts (msgids) of the waiting list: criteria and reason codes. The UI layer
translates them; ``render`` from kim.housing.placement.texts works for these codes too
when given ``texts=WAITING_TEXTS``."""

from __future__ import annotations

CRITERION_LABELS: dict[str, str] = {
    "waiting_months": "Months on the waiting list",
    "household_size": "Household size",
    "vulnerability": "Vulnerable persons in the household",
    "phase1_months": "Months in Phase I",
    "phase1_overdue_months": "Months in Phase I beyond the 6-month limit",
    "accommodated_months": "Months in municipal accommodation",
}

WAITING_TEXTS: dict[str, str] = {
    "eligibility_placeable": (
        "Eligible: placeable now (members with this category: %(placeable)s of %(members)s)."
    ),
    "eligibility_not_yet_placeable": "Not yet placeable (permission to reside, Gestattung).",
    "eligibility_not_placeable": ("Not placeable (safe country of origin or Duldung)."),
    "eligibility_not_applicable": (
        "Not applicable: no member falls under refugee housing (settled, EU citizen, German)."
    ),
    "eligibility_unknown": "No housing category known for the members yet.",
    "tie_applied_later": ("Same points as position %(position)s; applied later (%(applied_on)s)."),
    "tie_key": "Same points and application date as position %(position)s; ordered by number.",
}
