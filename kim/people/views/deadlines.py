"""The deadline worklist ("Fristen"), with CSV/XLSX export."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.exports import FORMATS, table_response
from kim.core.http import TenantRequest
from kim.core.modules.registry import modules
from kim.core.permissions.check import has_perm
from kim.core.views.base import paginate, query_without_page, tenant_view
from kim.people.decision_labels import value_label
from kim.people.domain.deadlines import kind_labels, worklist
from kim.people.forms.deadlines import WorklistForm
from kim.people.status_labels import STATUS_LABELS


def _value(kind: str, value: str) -> str:
    if value in STATUS_LABELS:
        return str(STATUS_LABELS[value])
    if value in ("true", "false"):
        return str(value_label(kind, value == "true"))
    return str(value_label(kind, value))


@tenant_view("people.status:read", list_view=True)
def deadline_list(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    source = modules.responsibility()
    if source and not has_perm(request.user, source.permission, town):
        source = None
    labels = kind_labels()
    form = WorklistForm(request.GET or None, kinds=labels,
                        responsible_users=source.responsible_users(town) if source else None)
    valid = form.is_valid()
    data = form.cleaned_data if valid else {}
    today = timezone.localdate()
    date_from = data.get("date_from") or today
    date_to = data.get("date_to") or date_from + datetime.timedelta(days=90)
    user_id = form.responsible_user_id(request.user.pk) if source and valid else None
    qs = worklist(town, date_from=date_from, date_to=date_to, kinds=data.get("kinds") or (),
                  person_ids=source.persons_of(town, user_id) if source and user_id else None)
    fmt = request.GET.get("format")
    if fmt:
        if fmt not in FORMATS:
            raise Http404
        rows = ([d.date, str(d.person), d.person.birth_date_display,
                 str(labels.get(d.kind, d.kind)), _value(d.kind, d.value)] for d in qs)
        return table_response("fristen", fmt, [_("Date"), _("Person"), _("Date of birth"),
                                               _("Type"), _("New value")], rows)
    page = paginate(request, qs)
    items = [{"deadline": d, "kind": labels.get(d.kind, d.kind),
              "value": _value(d.kind, d.value)} for d in page.object_list]
    return render(request, "people/deadlines.html", {
        "form": form, "page": page, "items": items, "date_from": date_from,
        "date_to": date_to, "query": query_without_page(request)})
