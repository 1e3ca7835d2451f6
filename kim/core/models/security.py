"""Accounts' security state: login throttling counters, the second factor's recovery
codes, one-time form tokens, and identity changes of accounts that serve several towns.

See docs/architecture.md "Accounts".
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import AuditSnapshotMixin, audited
from kim.core.models.tenancy import Municipality, TenantModel


class LoginThrottle(models.Model):
    """Failed logins of one key within a window: a user name, a known browser or a client
    network. ``key`` is a keyed hash, so no attacker-chosen text and no address is
    stored; one row per key, so a flood of failures is a counter, not a flood of rows.
    """

    class Kind(models.TextChoices):
        USER = "user", _("user name")
        DEVICE = "device", _("known browser")
        ADDRESS = "address", _("client address")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=64)
    failures = models.PositiveIntegerField(default=0)
    first_failure = models.DateTimeField()
    last_failure = models.DateTimeField(db_index=True)
    blocked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="throttle_key")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key[:8]}: {self.failures}"


class RecoveryCode(models.Model):
    """One recovery code of the second factor, stored as a password hash (the code itself
    is shown once, when generated). A used code is kept with ``used_at``."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="recovery_codes")
    code_hash = models.CharField(max_length=256)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"recovery code of {self.user_id}"


class FormSubmission(models.Model):
    """A one-time form token that was submitted (kim/core/views/once.py). The unique token
    makes a second submit of the same rendered form a duplicate, even in parallel."""

    token = models.CharField(max_length=64, unique=True)
    user_id = models.BigIntegerField()
    created_at = models.DateTimeField(db_index=True)
    location = models.CharField(max_length=2000, blank=True)
    done = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.token


def _account_towns(change: "IdentityChange") -> list[int]:
    from kim.core.domain.identity import towns_of

    return towns_of(change.user_id)


@audited(redact=["password_hash"], towns=_account_towns)
class IdentityChange(AuditSnapshotMixin, models.Model):
    """A change of an account's identity (password, name and e-mail, second factor) that
    a town admin asked for while the account also serves other towns. It is applied when
    the administration of every other town has approved it (``IdentityApproval``), or
    when the platform operator decides it. Global (an account is global); its audit
    entries go to every town of the account."""

    class Kind(models.TextChoices):
        PASSWORD = "password", _("one-time password")
        PROFILE = "profile", _("name and e-mail")
        TWO_FACTOR = "two_factor", _("reset of the second factor")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPLIED = "applied", _("applied")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("replaced by a newer request")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="identity_changes", verbose_name=_("account"))
    kind = models.CharField(_("change"), max_length=20, choices=Kind.choices)
    profile = models.JSONField(_("new name and e-mail"), default=dict, blank=True)
    password_hash = models.CharField(max_length=256, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, related_name="+",
                                     verbose_name=_("requested by"))
    requested_in = models.ForeignKey(Municipality, on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("requested in"))
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.PENDING)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("decided by"))

    class Meta:
        verbose_name = _("identity change")
        verbose_name_plural = _("identity changes")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.user}"


@audited()
class IdentityApproval(TenantModel):
    """One town's decision on an identity change of an account it shares."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("open")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        CLOSED = "closed", _("closed without a decision here")

    change = models.ForeignKey(IdentityChange, on_delete=models.CASCADE,
                               related_name="approvals")
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices,
                                default=Decision.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("identity change approval")
        verbose_name_plural = _("identity change approvals")
        ordering = ["-change__created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["change", "municipality"],
                                               name="identity_approval_once")]

    def __str__(self) -> str:
        return f"{self.change} – {self.get_decision_display()}"
