"""English texts (msgids) of the waiting list: criteria and reason codes. The UI layer
translates them; ``render`` from kim.housing.placement.texts works for these codes too
when given ``texts=WAITING_TEXTS``."""

from __future__ import annotations

from ..placement.texts import gettext_noop

CRITERION_LABELS: dict[str, str] = {
    "waiting_months": gettext_noop("Months on the waiting list"),
    "household_size": gettext_noop("Household size"),
    "vulnerability": gettext_noop("Vulnerable persons in the household"),
    "phase1_months": gettext_noop("Months in Phase I"),
    "phase1_overdue_months": gettext_noop("Months in Phase I beyond the 6-month limit"),
    "accommodated_months": gettext_noop("Months in municipal accommodation"),
}

WAITING_TEXTS: dict[str, str] = {
    "eligibility_placeable": gettext_noop(
        "Eligible: placeable now (members with this category: %(placeable)s of %(members)s)."
    ),
    "eligibility_not_yet_placeable": gettext_noop(
        "Not yet placeable (permission to reside, Gestattung)."
    ),
    "eligibility_not_placeable": gettext_noop("Not placeable (safe country of origin or Duldung)."),
    "eligibility_not_applicable": gettext_noop(
        "Eligible: no member is bound to refugee accommodation (settled, EU citizen, German)."
    ),
    "eligibility_unknown": gettext_noop("No housing category known for the members yet."),
    "tie_applied_later": gettext_noop(
        "Same points as position %(position)s; applied later (%(applied_on)s)."
    ),
    "tie_key": gettext_noop(
        "Same points and application date as position %(position)s; ordered by number."
    ),
}
