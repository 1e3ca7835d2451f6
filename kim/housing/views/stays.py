"""Move-in, move, move-out and the Phase I exception – thin wrappers around
kim.housing.domain.stays, whose ValidationErrors name the form field."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.http import TenantRequest
from kim.core.localize import short_date
from kim.core.pickers import enable_picker, picker_response
from kim.core.views.base import add_errors, form_page, tenant_url, tenant_view
from kim.housing.domain import stays as domain
from kim.housing.domain import target_group
from kim.housing.domain.occupancy import free_places
from kim.housing.forms.stays import ExceptionForm, MoveForm, MoveInForm, MoveOutForm
from kim.housing.models import Kind, Place, Stay, TargetUse
from kim.housing.views import board_url, to_board
from kim.people.domain.persons import picker_label, search
from kim.people.models import Person

SEARCH_LIMIT = 20


def _candidates(request: TenantRequest, text: str):  # type: ignore[no-untyped-def]
    """Persons matching the search who have no open stay (at most SEARCH_LIMIT); while
    the name is still being typed, family names beginning with the text fill up."""
    housed = Stay.objects.filter(end=None).values("person_id")
    found = list(search(request.municipality, text).exclude(pk__in=housed)
                 .values_list("pk", flat=True)[:SEARCH_LIMIT])
    if len(found) < SEARCH_LIMIT and len(text.strip()) >= 2:
        found += list(Person.objects.filter(municipality=request.municipality,
                                            family_name__istartswith=text.strip())
                      .exclude(pk__in=housed).exclude(pk__in=found)
                      .values_list("pk", flat=True)[:SEARCH_LIMIT - len(found)])
    return Person.objects.filter(pk__in=found)


def _open_stays():  # type: ignore[no-untyped-def]
    return Stay.objects.select_related("person", "place__unit__facility").filter(end=None)


def _places():  # type: ignore[no-untyped-def]
    return Place.objects.select_related("unit__facility")


@tenant_view("housing.stays:write", obj=_places)
def move_in(request: TenantRequest, place: Place) -> HttpResponse:
    form = MoveInForm(request.POST or None, municipality=request.municipality)
    chosen = form["person"].value() if form.is_bound else ""
    person = (form.fields["person"].queryset.filter(pk=int(chosen)).first()  # type: ignore[attr-defined]
              if str(chosen or "").isdigit() else None)
    enable_picker(form["person"], tenant_url(request, "housing:move_in_persons", pk=place.pk),
                  picker_label(person) if person is not None else "")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        operation = domain.move_in_household if data["household"] else domain.move_in
        try:
            operation(data["person"], place, data["start"], reason=data["reason"],
                      note=data["note"], user=request.user, override=data["override_reason"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The move-in was recorded."))
            return to_board(request, place.unit.facility_id, f"unit-{place.unit_id}")
    return form_page(request, form, title=_("Move in: %(place)s") % {
        "place": domain.place_name(place)},
        cancel_url=board_url(request, place.unit.facility_id),
        intro=_("Target use of the unit: %(use)s.") % {
            "use": TargetUse(place.unit.effective_target_use).label})


@tenant_view("housing.stays:write", obj=_places)
def move_in_persons(request: TenantRequest, place: Place) -> HttpResponse:
    """The person picker of the move-in form (JSON): persons of the own town without a
    current place, found by name or number."""
    return picker_response(request, lambda text: [
        (p.pk, picker_label(p)) for p in _candidates(request, text)])


@tenant_view("housing.stays:write", obj=_open_stays)
def move(request: TenantRequest, stay: Stay) -> HttpResponse:
    places = free_places(request.municipality, timezone.localdate())
    form = MoveForm(request.POST or None, places=places)
    chosen = form["place"].value()
    place = places.filter(pk=int(chosen)).first() if str(chosen or "").isdigit() else None
    enable_picker(form["place"], tenant_url(request, "housing:move_places", pk=stay.pk),
                  domain.place_name(place) if place is not None else "")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new = domain.move(stay, data["place"], data["on"], reason=data["reason"],
                              note=data["note"], user=request.user,
                              override=data["override_reason"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The move was recorded."))
            return to_board(request, new.place.unit.facility_id,
                            f"unit-{new.place.unit_id}")
    return form_page(request, form, title=_("Move %(name)s") % {"name": stay.person},
                     cancel_url=board_url(request, stay.place.unit.facility_id),
                     intro=_("Currently: %(place)s, since %(date)s.") % {
                         "place": domain.place_name(stay.place),
                         "date": short_date(stay.start)})


@tenant_view("housing.stays:write", obj=_open_stays)
def move_places(request: TenantRequest, stay: Stay) -> HttpResponse:
    """The place picker of the move form (JSON): free places of the own town, grouped by
    facility and unit in the label, units that suit the household of the person first."""
    today = timezone.localdate()
    groups = target_group.grouped(free_places(request.municipality, today),
                                  target_group.need_of(stay.person, today))
    return picker_response(request, lambda text: target_group.picker_choices(groups, text))


@tenant_view("housing.stays:write", obj=_open_stays)
def move_out(request: TenantRequest, stay: Stay) -> HttpResponse:
    form = MoveOutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            domain.move_out(stay, data["on"], reason=data["reason"], note=data["note"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The move-out was recorded."))
            return to_board(request, stay.place.unit.facility_id,
                            f"unit-{stay.place.unit_id}")
    return form_page(request, form, title=_("Move-out of %(name)s") % {"name": stay.person},
                     cancel_url=board_url(request, stay.place.unit.facility_id),
                     intro=_("From %(place)s, living there since %(date)s.") % {
                         "place": domain.place_name(stay.place),
                         "date": short_date(stay.start)})


@tenant_view("housing.stays:write",
             obj=lambda: _open_stays().filter(place__unit__facility__kind=Kind.PHASE1))
def exception(request: TenantRequest, stay: Stay) -> HttpResponse:
    form = ExceptionForm(request.POST or None,
                         initial={"reason": stay.phase1_exception_reason})
    if request.method == "POST" and form.is_valid():
        domain.record_exception(stay, form.cleaned_data["reason"])
        messages.success(request, _("The reason was recorded."))
        return to_board(request, stay.place.unit.facility_id,
                        f"unit-{stay.place.unit_id}")
    return form_page(request, form, title=_("Phase I beyond six months: %(name)s") % {
        "name": stay.person}, cancel_url=board_url(request, stay.place.unit.facility_id),
        intro=_("[Soest] 5.5.1.1: a Phase I stay is limited to six months as a rule; every "
                "exception is justified by the administration."))
