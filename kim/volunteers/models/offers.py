"""The offers directory (issue 14 item 5): clubs, migrant organisations, religious
communities, sport offers. Public information about organisations, no person data: the
contact is the organisation's, published on the municipality's public page."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models import Area, TenantModel
from kim.volunteers.choices import OfferCategory


@audited()
class Offer(TenantModel):
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=20, choices=OfferCategory.choices)
    provider = models.CharField(_("provider"), max_length=200,
                                help_text=_("Club, organisation or community running it."))
    description = models.TextField(_("description"), blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    district = models.ForeignKey(Area, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("district"))
    times = models.CharField(_("times"), max_length=200, blank=True,
                             help_text=_("E.g. Tuesdays 17:00–19:00."))
    cost = models.CharField(_("cost"), max_length=100, blank=True,
                            help_text=_("E.g. free of charge, 5 € per month."))
    contact = models.CharField(_("contact"), max_length=300, blank=True,
                               help_text=_("The organisation's public contact, no private "
                                           "persons."))
    website = models.URLField(_("website"), blank=True)
    public = models.BooleanField(_("shown on the public page"), default=True)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name
