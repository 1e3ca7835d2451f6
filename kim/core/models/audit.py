"""The append-only audit log."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kim.core.models.tenancy import Municipality


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied("The audit log is append-only.")

    def delete(self):
        raise PermissionDenied("The audit log is append-only.")


class AuditEntry(models.Model):
    """One recorded event. Rows are written once and never changed or deleted; a hash chain
    per municipality makes a deleted, changed or inserted row detectable
    (``kim audit verify``, kim/core/audit/chain.py).

    No database foreign keys: an entry must outlive the user or object it describes, and a
    cascade would have to update or delete log rows. On PostgreSQL and SQLite a trigger
    (migration 0002) rejects UPDATE; on PostgreSQL also DELETE.
    """

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        READ = "read", _("read")
        BULK = "bulk", _("bulk change")
        LOGIN = "login", _("logged in")
        LOGOUT = "logout", _("logged out")
        LOGIN_FAILED = "login_failed", _("login failed")
        EXPORT = "export", _("exported")

    timestamp = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    actor_id = models.BigIntegerField(_("user id"), null=True, blank=True)
    actor_name = models.CharField(_("user"), max_length=150, blank=True)
    request_id = models.CharField(_("request id"), max_length=32, blank=True)
    source = models.CharField(_("source"), max_length=100, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    model = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    # The hash chain (kim/core/audit/chain.py): the municipality's chain (0: none), the
    # position in it, the predecessor's hash and this entry's hash.
    chain = models.BigIntegerField(_("chain"), default=0, editable=False)
    seq = models.BigIntegerField(_("position"), default=0, editable=False)
    prev_hash = models.CharField(_("hash of the previous entry"), max_length=64, blank=True,
                                 editable=False)
    hash = models.CharField(_("hash"), max_length=64, blank=True, editable=False)

    objects = ScopedManager(
        municipality="municipality",
        _manager_class=models.Manager.from_queryset(AppendOnlyQuerySet),
    )

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-timestamp", "-id"]
        indexes = [
            models.Index(fields=["municipality", "-timestamp"], name="audit_muni_time"),
            models.Index(fields=["model", "object_id"], name="audit_object"),
        ]
        constraints = [
            # One entry per position: concurrent writers cannot fork a chain unnoticed.
            models.UniqueConstraint(fields=["chain", "seq"], name="audit_chain_position"),
        ]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M} {self.action} {self.model} {self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("The audit log is append-only.")
        from kim.core.audit.chain import link

        link(self)  # position and hash under the chain's lock, then insert()

    def insert(self) -> None:
        """Called by the chain once the entry has its position and hash."""
        super().save(force_insert=True)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("The audit log is append-only.")

    def change_rows(self) -> list[dict[str, object]]:
        """Changes for display: ``[old, new]`` pairs as a diff, anything else as text."""
        rows: list[dict[str, object]] = []
        for field, value in (self.changes or {}).items():
            if isinstance(value, list) and len(value) == 2 and self.action != self.Action.READ:
                rows.append({"field": field, "diff": True, "old": value[0], "new": value[1]})
            else:
                text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
                rows.append({"field": field, "diff": False, "text": text})
        return rows
