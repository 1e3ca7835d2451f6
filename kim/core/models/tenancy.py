"""The tenant (Municipality) and the base class of everything a municipality owns."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kim.core.audit.registry import AuditSnapshotMixin, audited

# First URL segments kim itself uses; a municipality cannot be called like that.
RESERVED_SLUGS = frozenset({"accounts", "i18n", "static", "api", "platform", "admin", "media"})


def validate_slug_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This short name is reserved by kim."))


@audited()
class Municipality(AuditSnapshotMixin, models.Model):
    """One municipality (Kommune) – the tenant. Its slug is the first part of every URL."""

    slug = models.SlugField(_("short name"), max_length=60, unique=True,
                            validators=[validate_slug_not_reserved])
    name = models.CharField(_("name"), max_length=200)
    ags = models.CharField(
        _("official municipality key (AGS)"),
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", _("The AGS has exactly 8 digits."))],
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TenantModel(AuditSnapshotMixin, models.Model):
    """Abstract base for tenant-owned data.

    The default manager is scoped (django-scopes): a query without an active municipality
    scope raises ``ScopeError`` instead of silently returning every tenant's rows.
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )

    objects = ScopedManager(municipality="municipality")

    class Meta:
        abstract = True
