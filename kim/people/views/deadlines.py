"""The deadline worklist ("Fristen"), with CSV/XLSX export."""

from __future__ import annotations

import datetime

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _lazy

from kim.core.http import TenantRequest
from kim.core.lists import Column, Listing
from kim.core.modules.registry import modules
from kim.core.permissions.check import has_perm
from kim.core.views.base import tenant_view
from kim.people.decision_labels import due_value as _value
from kim.people.domain.deadlines import kind_labels, worklist
from kim.people.forms.deadlines import WorklistForm


def _listing(labels: dict[str, object]) -> Listing:
    return Listing("fristen", [
        Column("date", _lazy("Date"), value=lambda d: d.date, sort="date"),
        Column("person", _lazy("Person"), value=lambda d: str(d.person),
               sort=("person__family_name", "person__given_names")),
        Column("birth", _lazy("Date of birth"), value=lambda d: d.person.birth_date_display,
               sort="person__birth_date"),
        Column("kind", _lazy("Type"), value=lambda d: str(labels.get(d.kind, d.kind)),
               sort="kind"),
        Column("value", _lazy("New value"), value=lambda d: _value(d.kind, d.value)),
    ], default="date")


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
    persons = source.persons_of(town, user_id) if source and user_id else None
    qs = worklist(town, date_from=date_from, date_to=date_to, kinds=data.get("kinds") or (),
                  person_ids=persons)
    table = _listing(labels).run(request, qs)
    if table.response:
        return table.response
    items = [{"deadline": d, "kind": labels.get(d.kind, d.kind),
              "value": _value(d.kind, d.value)} for d in table.rows]
    later = None
    if not items:  # say when the next one comes instead of suggesting missing setup
        later = worklist(town, date_from=date_to + datetime.timedelta(days=1),
                         kinds=data.get("kinds") or (), person_ids=persons).first()
    extend = request.GET.copy()
    if later is not None:
        extend["date_to"] = later.date.isoformat()
    return render(request, "people/deadlines.html", {
        "form": form, "table": table, "page": table.page, "items": items,
        "date_from": date_from, "date_to": date_to, "later": later,
        "extend_query": extend.urlencode()})
