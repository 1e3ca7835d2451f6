"""Users, their memberships in municipalities, and roles (bundles of permissions)."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import AuditSnapshotMixin, audited
from kim.core.models.tenancy import TenantModel
from kim.core.permissions.registry import DEFAULT_ROLES, registry


def _user_towns(user: "User") -> list[int]:
    """Every town the account serves sees changes of it in its audit log."""
    from kim.core.domain.identity import towns_of

    return towns_of(user.pk)


@audited(redact=["password"], exclude=["last_login"], towns=_user_towns)
class User(AuditSnapshotMixin, AbstractUser):
    """A person who logs in. Global: one account may work for several municipalities.

    ``is_superuser`` marks the platform operator, who manages tenants but is given no
    case-data permission by that flag (see kim.core.permissions.check).
    """

    must_change_password = models.BooleanField(_("must change password"), default=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def __str__(self) -> str:
        full = self.get_full_name()
        return f"{full} ({self.username})" if full else self.username


@audited()
class Role(TenantModel):
    """A named bundle of permissions in one municipality.

    Default roles (``builtin`` set) take their permissions from the registry, so a code
    change to a default bundle reaches every municipality; custom roles store theirs.
    """

    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    builtin = models.CharField(
        _("default role"),
        max_length=40,
        blank=True,
        choices=[(code, label) for code, label in DEFAULT_ROLES.items()],
    )
    custom_permissions = models.JSONField(_("permissions"), default=list, blank=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="role_unique_name"),
            models.UniqueConstraint(
                fields=["municipality", "builtin"],
                condition=~models.Q(builtin=""),
                name="role_unique_builtin",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def permissions(self) -> frozenset[str]:
        if self.builtin:
            return registry.bundle(self.builtin)
        return frozenset(self.custom_permissions)


@audited()
class Membership(TenantModel):
    """A user's access to one municipality, with the roles held there."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    roles = models.ManyToManyField(Role, blank=True, related_name="memberships",
                                   verbose_name=_("roles"))
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, null=True, blank=True,
        related_name="members", verbose_name=_("organisation"),
        help_text=_("For staff of a provider, an applicant or another organisation: what "
                    "they see is limited to their organisation's records."))
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "user"], name="membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.municipality_id}"
