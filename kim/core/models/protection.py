"""Data protection records of core: role grants awaiting a second admin's approval
(four-eyes principle) and the deletion log of the retention runs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models.accounts import Membership, Role
from kim.core.models.tenancy import TenantModel


@audited()
class RoleGrant(TenantModel):
    """A role that reads special-category data, requested for a member by one admin; it
    takes effect when another admin – neither the requester nor the member – approves."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="grants",
                                   verbose_name=_("member"))
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("role"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PENDING)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, related_name="+",
                                     verbose_name=_("requested by"))
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        ordering = ["-requested_at", "-pk"]
        constraints = [models.UniqueConstraint(
            fields=["municipality", "membership", "role"], condition=models.Q(status="pending"),
            name="role_grant_one_pending")]

    def __str__(self) -> str:
        return f"{self.role} → {self.membership_id} ({self.status})"


@audited()
class RetentionLogEntry(TenantModel):
    """What one retention rule deleted or anonymised in one run – counts, never content."""

    run = models.UUIDField(_("run"))
    rule = models.CharField(_("rule"), max_length=80)
    action = models.CharField(_("action"), max_length=10)
    years = models.PositiveSmallIntegerField(_("retention period (years)"))
    cutoff = models.DateField(_("ended on or before"))
    count = models.PositiveIntegerField(_("records"))
    ran_at = models.DateTimeField(_("time"), auto_now_add=True)
    source = models.CharField(_("source"), max_length=100)
    actor_name = models.CharField(_("run by"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("deletion log entry")
        verbose_name_plural = _("deletion log")
        ordering = ["-ran_at", "rule"]

    def __str__(self) -> str:
        return f"{self.rule}: {self.count} ({self.ran_at:%Y-%m-%d})"
