"""German/English labels for the rules engine's status codes and decision values."""

from django.utils.translation import gettext_lazy as _

from kim.rules.codes import STATUS_CODES

STATUS_LABELS = {
    "asylum_seeker": _("Asylum seeker (before Gestattung)"),
    "gestattung": _("Aufenthaltsgestattung (§ 55 AsylG)"),
    "duldung": _("Duldung (§ 60a AufenthG)"),
    "duldung_discretionary": _("Discretionary Duldung (§ 60a Abs. 2 S. 3 AufenthG)"),
    "duldung_unclear_identity": _("Duldung for persons with unclear identity (§ 60b AufenthG)"),
    "duldung_training": _("Training Duldung (§ 60c AufenthG)"),
    "duldung_employment": _("Employment Duldung (§ 60d AufenthG)"),
    "departure_required": _("Obliged to leave, no Duldung"),
    "asylum_granted": _("Entitled to asylum (§ 25 Abs. 1 AufenthG)"),
    "refugee": _("Refugee protection (§ 25 Abs. 2 S. 1 Alt. 1 AufenthG)"),
    "subsidiary": _("Subsidiary protection (§ 25 Abs. 2 S. 1 Alt. 2 AufenthG)"),
    "deportation_ban": _("Deportation ban (§ 25 Abs. 3 AufenthG)"),
    "temporary_protection": _("Temporary protection (§ 24 AufenthG)"),
    "humanitarian_25_4": _("Residence permit § 25 Abs. 4 S. 1 AufenthG"),
    "humanitarian_25_5": _("Residence permit § 25 Abs. 5 AufenthG"),
    "war_23_1": _("Residence permit § 23 Abs. 1 AufenthG (war)"),
    "admission_23": _("Admission programme (§ 23 Abs. 2/4 AufenthG)"),
    "opportunity_104c": _("Opportunity residence (§ 104c AufenthG)"),
    "settled": _("Settlement permit / settled"),
    "eu_citizen": _("EU citizen"),
    "german": _("German citizen"),
}
assert set(STATUS_LABELS) == set(STATUS_CODES), "every status code needs a label"  # noqa: S101

STATUS_CHOICES = [(code, STATUS_LABELS[code]) for code in STATUS_CODES]
