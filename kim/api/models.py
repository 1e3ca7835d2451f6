"""Personal access tokens of the REST API and the remembered answers of idempotent creates.

A token belongs to one user in one municipality; only its SHA-256 is stored (the token
is 256 random bits, so a slow password hash would add nothing but latency per request).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models import TenantModel


@audited(redact=("token_hash",), exclude=("last_used_at",))
class ApiToken(TenantModel):
    class Access(models.TextChoices):
        READ = "read", _("read only")
        WRITE = "write", _("read and write")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="api_tokens", verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("beginning of the token"), max_length=12)
    # looked up before the municipality is known; unique per municipality (a distributed
    # table enforces only uniqueness that includes its distribution column), and 256
    # random bits do not collide across municipalities either
    token_hash = models.CharField(max_length=64, db_index=True, editable=False)
    access = models.CharField(_("access"), max_length=5, choices=Access.choices,
                              default=Access.READ)
    # Labels of the modules the token may use; empty: every module.
    modules = models.JSONField(_("modules"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["municipality", "user"])]
        constraints = [models.UniqueConstraint(fields=["municipality", "token_hash"],
                                               name="api_token_hash_once")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class IdempotentRequest(TenantModel):
    """The answer to a create sent with an ``Idempotency-Key``: the same key from the same
    user answers the same again instead of creating a second object."""

    user_id = models.BigIntegerField()
    key = models.CharField(max_length=200)
    path = models.CharField(max_length=300)
    status = models.PositiveSmallIntegerField()
    body = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality", "user_id", "key"],
                                               name="api_idempotency_key_once")]

    def __str__(self) -> str:
        return self.key
