"""The deadline worklist ("Fristen"), with CSV/XLSX export."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.exports import FORMATS, table_response
from kim.core.permissions.check import has_perm
from kim.core.views.base import paginate, permission_required, query_without_page
from kim.people.decision_labels import value_label
from kim.people.domain import responsibility
from kim.people.domain.deadlines import worklist
from kim.people.forms.deadlines import KIND_LABELS, WorklistForm
from kim.people.status_labels import STATUS_LABELS


def _value(kind: str, value: str) -> str:
    if value in STATUS_LABELS:
        return str(STATUS_LABELS[value])
    if value in ("true", "false"):
        return str(value_label(kind, value == "true"))
    return str(value_label(kind, value))


@permission_required("people.status:read")
def deadline_list(request: HttpRequest, municipality: str) -> HttpResponse:
    town = request.municipality  # type: ignore[attr-defined]
    source = responsibility.registered()
    if source and not has_perm(request.user, source.permission, town):
        source = None
    form = WorklistForm(request.GET or None,
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
                 str(KIND_LABELS.get(d.kind, d.kind)), _value(d.kind, d.value)] for d in qs)
        return table_response("fristen", fmt, [_("Date"), _("Person"), _("Date of birth"),
                                               _("Type"), _("New value")], rows)
    page = paginate(request, qs)
    items = [{"deadline": d, "kind": KIND_LABELS.get(d.kind, d.kind),
              "value": _value(d.kind, d.value)} for d in page.object_list]
    return render(request, "people/deadlines.html", {
        "form": form, "page": page, "items": items, "date_from": date_from,
        "date_to": date_to, "query": query_without_page(request)})
