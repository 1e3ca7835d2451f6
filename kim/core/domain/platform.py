"""The platform operator's console: the municipalities with their users, storage and last
activity, the health of the installation, setting a municipality up and switching it off.

Everything here is counted, never shown: no query returns a row of case data (persons,
households, notes). Counts are one grouped query per tenant model, so the console costs a
fixed number of queries however many municipalities there are.
"""

from __future__ import annotations

import datetime
import os
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from kim.core.domain.municipalities import create_municipality, ensure_default_roles
from kim.core.domain.users import create_member
from kim.core.models import AuditEntry, Membership, Municipality, TenantModel, User

# A queued background task older than this means no worker is taking tasks.
WORKER_STALE = datetime.timedelta(minutes=5)
# Below this much free space in the data directory the console warns.
DISK_LOW_BYTES = 2 * 1024**3
# Official Land keys (the first two digits of the AGS): 01 Schleswig-Holstein … 16 Thüringen.
LAND_KEYS = {f"{n:02d}" for n in range(1, 17)}
ADMIN_FIELDS = {"username", "first_name", "last_name", "email"}


def tenant_models() -> list[type[TenantModel]]:
    return [m for m in apps.get_models()
            if issubclass(m, TenantModel) and not m._meta.proxy]


@dataclass
class TownRow:
    """One municipality in the console's list: figures only."""

    municipality: Municipality
    users: int = 0
    active_users: int = 0
    rows: int = 0
    files: int = 0
    file_bytes: int = 0
    last_activity: datetime.datetime | None = None
    last_login: datetime.datetime | None = None
    rows_by_model: list[tuple[str, int]] = field(default_factory=list)


def _grouped(queryset: Any, value: str) -> dict[int, Any]:
    return {r["municipality"]: r[value] for r in queryset}


def row_counts() -> dict[int, Counter[str]]:
    """Rows per municipality, by model label (one grouped query per tenant model)."""
    counts: dict[int, Counter[str]] = {}
    with scopes_disabled():
        for model in tenant_models():
            label = str(model._meta.verbose_name_plural)
            for r in model.objects.values("municipality").annotate(n=Count("pk")).order_by():
                counts.setdefault(r["municipality"], Counter())[label] += r["n"]
        for r in (AuditEntry.objects.exclude(municipality=None).values("municipality")
                  .annotate(n=Count("pk")).order_by()):
            counts.setdefault(r["municipality"], Counter())[
                str(AuditEntry._meta.verbose_name_plural)] += r["n"]
    return counts


def files_of(municipality: Municipality) -> tuple[int, int]:
    """Number and bytes of the municipality's uploaded files (MEDIA_ROOT/<id>/)."""
    root = Path(settings.MEDIA_ROOT) / str(municipality.pk)
    count = size = 0
    for folder, _dirs, names in os.walk(root):
        for name in names:
            try:
                size += (Path(folder) / name).stat().st_size
            except OSError:
                continue
            count += 1
    return count, size


def municipalities() -> list[TownRow]:
    """Every municipality with users, stored rows and files, last activity and login."""
    with scopes_disabled():
        towns = list(Municipality.objects.order_by("name"))
        members = Membership.objects.values("municipality")
        users = _grouped(members.annotate(n=Count("pk")).order_by(), "n")
        active = _grouped(members.filter(is_active=True, user__is_active=True)
                          .annotate(n=Count("pk")).order_by(), "n")
        logins = _grouped(members.annotate(last=Max("user__last_login")).order_by(), "last")
        activity = _grouped(AuditEntry.objects.exclude(municipality=None)
                            .values("municipality").annotate(last=Max("timestamp"))
                            .order_by(), "last")
    counts = row_counts()
    rows = []
    for town in towns:
        row = TownRow(town, users=users.get(town.pk, 0), active_users=active.get(town.pk, 0),
                      last_activity=activity.get(town.pk), last_login=logins.get(town.pk))
        by_model = counts.get(town.pk, Counter())
        row.rows = sum(by_model.values())
        row.rows_by_model = sorted(by_model.items(), key=lambda kv: (-kv[1], kv[0]))
        row.files, row.file_bytes = files_of(town)
        rows.append(row)
    return rows


def users_of(municipality: Municipality) -> list[Membership]:
    """The municipality's accounts with their roles (staff, not case data)."""
    with scopes_disabled():
        return list(Membership.objects.filter(municipality=municipality)
                    .select_related("user").prefetch_related("roles")
                    .order_by("user__last_name", "user__first_name", "user__username"))


# -- health ---------------------------------------------------------------------------------
@dataclass
class Check:
    label: str
    ok: bool
    detail: str


def _database() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 – a broken database is what this check reports
        return False, _("The database does not answer.")
    return True, _("The database answers (%(vendor)s).") % {"vendor": connection.display_name}


def database_bytes() -> int | None:
    """The whole database's size where the database tells it cheaply."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return int(cursor.fetchone()[0])
    if connection.vendor == "sqlite":
        name = str(connection.settings_dict["NAME"])
        if name and Path(name).is_file():
            return Path(name).stat().st_size
    return None


def unapplied_migrations() -> list[str]:
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{m.app_label}.{m.name}" for m, _backwards in plan]


def _queue(now: datetime.datetime) -> tuple[bool, str, int]:
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(status="READY")
    count = waiting.count()
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    last = (DBTaskResult.objects.exclude(finished_at=None).order_by("-finished_at")
            .values_list("finished_at", flat=True).first())
    if oldest is not None and now - oldest > WORKER_STALE:
        minutes = int((now - oldest).total_seconds() // 60)
        return False, _("%(n)s tasks wait, the oldest for %(min)s minutes: is the worker "
                        "(kim db_worker) running?") % {"n": count, "min": minutes}, count
    if last is None:
        return True, _("%(n)s tasks wait. No task has run yet.") % {"n": count}, count
    return True, _("%(n)s tasks wait. The worker last finished a task at %(time)s.") % {
        "n": count, "time": timezone.localtime(last).strftime("%d.%m.%Y %H:%M")}, count


def health(now: datetime.datetime | None = None) -> list[Check]:
    """Database, migrations, background worker and free disk space, each ok or not."""
    now = now or timezone.now()
    ok, detail = _database()
    checks = [Check(_("Database"), ok, detail)]
    if not ok:
        return checks
    missing = unapplied_migrations()
    checks.append(Check(_("Database migrations"), not missing,
                        _("All migrations are applied.") if not missing else
                        _("%(n)s migrations are not applied: run kim migrate.")
                        % {"n": len(missing)}))
    queue_ok, queue_detail, _count = _queue(now)
    checks.append(Check(_("Background jobs"), queue_ok, queue_detail))
    usage = shutil.disk_usage(settings.DATA_DIR)
    checks.append(Check(_("Free disk space"), usage.free >= DISK_LOW_BYTES,
                        _("%(free)s GB of %(total)s GB free in the data directory.") % {
                            "free": f"{usage.free / 1024**3:.1f}".replace(".", ","),
                            "total": f"{usage.total / 1024**3:.1f}".replace(".", ",")}))
    return checks


# -- setting up and switching off -------------------------------------------------------------
def validate_ags(ags: str) -> None:
    """An AGS has 8 digits and starts with one of the 16 Land keys."""
    if not (len(ags) == 8 and ags.isdigit()):
        raise ValidationError({"ags": _("The AGS has exactly 8 digits.")})
    if ags[:2] not in LAND_KEYS:
        raise ValidationError({"ags": _("The AGS starts with the key of a Land (01 to 16).")})


@transaction.atomic
def set_up(*, name: str, slug: str, ags: str, admin_username: str, admin_password: str,
           admin_first_name: str = "", admin_last_name: str = "",
           admin_email: str = "") -> Municipality:
    """Create a municipality with its default roles and its first administrator, who must
    change the initial password at the first login (as every account created for
    someone else). All or nothing."""
    validate_ags(ags)
    if Municipality.objects.filter(ags=ags).exists():
        raise ValidationError({"ags": _("A municipality with this AGS already exists.")})
    if User.objects.filter(username__iexact=admin_username).exists():
        raise ValidationError({"admin_username": _("This user name is taken.")})
    town = create_municipality(slug, name, ags)
    admin = ensure_default_roles(town)["admin"]
    try:
        with scope(municipality=town):
            create_member(town, username=admin_username, password=admin_password,
                          roles=[admin], first_name=admin_first_name,
                          last_name=admin_last_name, email=admin_email)
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):  # the password rules
            raise ValidationError({"admin_password": exc.messages}) from exc
        raise ValidationError({f"admin_{k}" if k in ADMIN_FIELDS else k: v
                               for k, v in exc.message_dict.items()}) from exc
    return town


def set_active(municipality: Municipality, active: bool) -> Municipality:
    """Switch a municipality on or off. Off: its members can neither log in to it nor use
    its API tokens (the middleware only finds active municipalities); all data is kept."""
    if municipality.is_active != active:
        municipality.is_active = active
        municipality.save(update_fields=["is_active"])
    return municipality


def only_in_inactive_towns(user: User) -> bool:
    """The account has memberships, but none in an active municipality: it has nothing
    left to log in to (the operator has no memberships and is never refused)."""
    if user.is_superuser:
        return False
    with scopes_disabled():
        mine = Membership.objects.filter(user=user)
        return mine.exists() and not mine.filter(
            Q(municipality__is_active=True)).exists()
