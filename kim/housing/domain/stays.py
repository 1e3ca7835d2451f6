"""Move-in, move and move-out: the only ways stays are written.

Every operation checks the rules first (clear messages naming the field) and then relies
on the database: two requests that pass the checks at the same moment cannot both write,
because the exclusion constraints / triggers of migration 0002 refuse the second one; its
IntegrityError is turned into the same kind of message.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.localize import short_date
from kim.core.models import User
from kim.housing.domain import target_group
from kim.housing.domain.phases import uma_block_message
from kim.housing.models import Kind, MoveInReason, MoveOutReason, Place, Stay
from kim.housing.models.stay import PERSON_OVERLAP
from kim.people.domain.deadlines import refresh_person
from kim.people.models import Person


def place_name(place: Place) -> str:
    return _("%(facility)s, %(unit)s, place %(label)s") % {
        "facility": place.unit.facility.name, "unit": place.unit.name, "label": place.label}


def _not_future(day: datetime.date, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("The date cannot be in the future.")})


def _check_place(place: Place, start: datetime.date, exclude: Stay | None = None) -> None:
    if not place.unit.facility.active or place.unit.facility.is_state:
        raise ValidationError({"place": _("%(facility)s is not in use.") % {
            "facility": place.unit.facility.name}})
    if place.blocked:
        raise ValidationError({"place": _("%(place)s is blocked: %(reason)s") % {
            "place": place_name(place), "reason": place.blocked_reason or _("no reason given")}})
    busy = Stay.objects.filter(place=place).filter(Q(end=None) | Q(end__gt=start))
    if exclude is not None:
        busy = busy.exclude(pk=exclude.pk)
    if busy.exists():
        raise ValidationError({"place": _("%(place)s is occupied on %(date)s or later.") % {
            "place": place_name(place), "date": short_date(start)}})


def _check_person(person: Person, place: Place, start: datetime.date,
                  exclude: Stay | None = None) -> None:
    if start < person.birth_date:  # the stay becomes the person's accommodation date
        raise ValidationError({"person": _(
            "%(name)s was born on %(birth)s, after %(date)s.") % {
            "name": person, "birth": person.birth_date_display, "date": short_date(start)}})
    block = uma_block_message(person, start)
    if block:
        raise ValidationError({"person": block})
    other = Stay.objects.filter(person=person).filter(Q(end=None) | Q(end__gt=start))
    if exclude is not None:
        other = other.exclude(pk=exclude.pk)
    if other.exists():
        raise ValidationError({"person": _(
            "%(name)s already has a stay on %(date)s or later. Record a move or a move-out "
            "instead.") % {"name": person, "date": short_date(start)}})


def _insert(stay: Stay) -> Stay:
    """Save in a savepoint; a concurrent booking's IntegrityError becomes a clear message."""
    try:
        with transaction.atomic():
            stay.save()
    except IntegrityError as exc:
        text = str(exc)
        if any(key in text for key in (PERSON_OVERLAP, "person_id", "open_per_person")):
            raise ValidationError({"person": _(
                "%(name)s was given another place at the same time. Please reload the "
                "page.") % {"name": stay.person}}) from exc
        raise ValidationError({"place": _(
            "%(place)s has just been taken by another entry. Please choose another "
            "place.") % {"place": place_name(stay.place)}}) from exc
    return stay


def sync_person(person: Person, today: datetime.date | None = None) -> None:
    """Keep the person's accommodation code/date (import format) in step with the open
    stay, and refresh the person's deadlines."""
    current = (Stay.objects.filter(person=person, end=None)
               .select_related("place__unit__facility").first())
    code = current.place.unit.facility.code if current else ""
    since = None
    if current is not None:
        keep = code == person.accommodation_code and person.accommodation_since
        since = person.accommodation_since if keep else current.start
    if (code, since) != (person.accommodation_code, person.accommodation_since):
        person.accommodation_code, person.accommodation_since = code, since
        person.save(update_fields=["accommodation_code", "accommodation_since", "updated_at"])
    refresh_person(person, today or timezone.localdate())


def _reason(value: str, choices: type[MoveInReason] | type[MoveOutReason]) -> None:
    """Forms offer only the choices; callers of the domain get the same rule."""
    if value not in choices.values:
        raise ValidationError({"reason": _("Unknown reason %(reason)r.") % {"reason": value}})


@transaction.atomic
def move_in(person: Person, place: Place, start: datetime.date, *, reason: str = "",
            note: str = "", user: User | None = None, override: str = "",
            group_checked: bool = False) -> Stay:
    """``override``: the reason for placing the person in a unit whose target group does
    not take their household (recorded in the note); ``group_checked``: the placement
    plan has already applied the same rule to the whole household."""
    if reason:
        _reason(reason, MoveInReason)
    _not_future(start, "start")
    _check_person(person, place, start)
    _check_place(place, start)
    if not group_checked:
        note = target_group.with_override(note, target_group.check(person, place, start,
                                                                   override))
    stay = _insert(Stay(municipality_id=place.municipality_id, place=place, person=person,
                        start=start, move_in_reason=reason or MoveInReason.ARRIVAL,
                        note=note, created_by=user))
    sync_person(person)
    return stay


@transaction.atomic
def move(stay: Stay, place: Place, on: datetime.date, *, reason: str, note: str = "",
         user: User | None = None, override: str = "", group_checked: bool = False) -> Stay:
    """End ``stay`` on ``on`` and start the next one there, in one transaction. The new
    unit's target group must take the person's household, or ``override`` gives the
    reason (see :func:`move_in`)."""
    if stay.end is not None:
        raise ValidationError({"place": _("This stay has already ended.")})
    _reason(reason, MoveInReason)
    _not_future(on, "on")
    if on <= stay.start:
        raise ValidationError({"on": _("The move must be after the move-in on %(date)s.")
                               % {"date": short_date(stay.start)}})
    if place.pk == stay.place_id:
        raise ValidationError({"place": _("Choose a place other than the current one.")})
    _check_person(stay.person, place, on, exclude=stay)
    _check_place(place, on)
    if not group_checked:
        note = target_group.with_override(note, target_group.check(stay.person, place, on,
                                                                   override))
    stay.end, stay.move_out_reason = on, MoveOutReason.TRANSFER
    stay.save(update_fields=["end", "move_out_reason"])
    both_phase1 = (stay.place.unit.facility.kind == Kind.PHASE1
                   and place.unit.facility.kind == Kind.PHASE1)
    following = _insert(Stay(
        municipality_id=place.municipality_id, place=place, person=stay.person, start=on,
        move_in_reason=reason, note=note, created_by=user,
        # A move inside Phase I continues the same Phase I stay, and its justification.
        phase1_exception_reason=stay.phase1_exception_reason if both_phase1 else ""))
    sync_person(stay.person)
    return following


@transaction.atomic
def move_out(stay: Stay, on: datetime.date, *, reason: str, note: str = "") -> Stay:
    if stay.end is not None:
        raise ValidationError({"on": _("This stay has already ended.")})
    _reason(reason, MoveOutReason)
    _not_future(on, "on")
    if on <= stay.start:
        raise ValidationError({"on": _("The move-out must be after the move-in on %(date)s.")
                               % {"date": short_date(stay.start)}})
    stay.end, stay.move_out_reason = on, reason
    if note:
        stay.note = note
    stay.save(update_fields=["end", "move_out_reason", "note"])
    sync_person(stay.person)
    return stay


def record_exception(stay: Stay, reason: str) -> Stay:
    stay.phase1_exception_reason = reason.strip()
    stay.save(update_fields=["phase1_exception_reason"])
    return stay


@transaction.atomic
def move_in_household(person: Person, place: Place, start: datetime.date, *,
                      reason: str = "", note: str = "", user: User | None = None,
                      override: str = "") -> list[Stay]:
    """Move ``person`` into ``place`` and the other current household members without a
    stay into the next free places of the same unit – all or nothing."""
    from kim.people.domain.persons import current_household
    from kim.people.models import HouseholdMember

    member = current_household(person)
    others = [] if member is None else [
        m.person for m in HouseholdMember.objects.filter(household=member.household,
                                                         valid_to=None)
        .exclude(person=person)
        .exclude(person_id__in=Stay.objects.filter(end=None).values("person_id"))
        .select_related("person").order_by("person__birth_date", "pk")]
    taken = Stay.objects.filter(Q(end=None) | Q(end__gt=start)).values("place_id")
    free = list(Place.objects.filter(unit_id=place.unit_id, blocked=False)
                .exclude(pk=place.pk).exclude(pk__in=taken)
                .select_related("unit__facility").order_by("label", "pk"))
    if len(free) < len(others):
        raise ValidationError({"household": _(
            "%(unit)s has %(free)s further free places, the household needs %(needed)s.")
            % {"unit": place.unit, "free": len(free), "needed": len(others)}})
    stays = [move_in(person, place, start, reason=reason, note=note, user=user,
                     override=override)]
    for other, spot in zip(others, free, strict=False):
        stays.append(move_in(other, spot, start, reason=reason, note=note, user=user,
                             override=override))
    return stays
