"""The core report ``users_by_role`` (works on core data only)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality, Role
from kim.core.reports.registry import Column, Report, ReportData, ReportParams


def users_by_role(municipality: Municipality, params: ReportParams) -> ReportData:
    """Active memberships per role that existed on ``as_of`` (one aggregate query).

    A member with several roles is counted once per role, so the total counts role
    assignments, not people.
    """
    as_of = params.as_of
    existing = Q(memberships__is_active=True, memberships__user__is_active=True,
                 memberships__created_at__date__lte=as_of)
    roles = (Role.objects.filter(municipality=municipality)
             .annotate(members=Count("memberships", filter=existing))
             .order_by("name"))
    rows = [{"role": str(r.get_builtin_display()) if r.builtin else r.name,
             "code": r.builtin, "members": r.members} for r in roles]
    rows.sort(key=lambda row: row["role"].casefold())
    return ReportData(rows, {"members": sum(row["members"] for row in rows)})


USERS_BY_ROLE = Report(
    name="users_by_role",
    title=_("Users by role"),
    description=_("Active user accounts per role. A user with several roles is counted once "
                  "per role."),
    # "code": the default role's code (empty for custom roles) – stable for machines,
    # unlike the translated name.
    columns=(Column("role", _("Role"), "text"), Column("code", _("Code"), "text", code=True),
             Column("members", _("Active users"))),
    compute=users_by_role,
    permission="core.users:read",
    # Staff per role is an administration indicator of monitoring ([IMIS] 3.).
    aggregate_permission="reports.monitoring_aggregates:read",
)
