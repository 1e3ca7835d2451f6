"""Dated municipal policy settings (values of the ``PolicySetting`` declarations)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models.tenancy import TenantModel


@audited()
class SettingValue(TenantModel):
    """The value of a declared setting from ``valid_from`` on, until the next value.

    Rows are never changed: a new policy is a new row, so any past date can be answered
    with the policy then in force (reports for 2018 use the 2018 policy).
    """

    key = models.CharField(_("setting"), max_length=80)
    valid_from = models.DateField(_("valid from"))
    value = models.JSONField(_("value"))
    note = models.CharField(_("reason or decision"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("recorded by"))
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("setting value")
        verbose_name_plural = _("setting values")
        ordering = ["key", "valid_from"]
        constraints = [models.UniqueConstraint(fields=["municipality", "key", "valid_from"],
                                               name="setting_one_per_day")]
        indexes = [models.Index(fields=["municipality", "key", "valid_from"],
                                name="setting_lookup")]

    def __str__(self) -> str:
        return f"{self.key} = {self.value} ({self.valid_from:%Y-%m-%d})"
