"""The bridge between the database and the pure optimiser (kim.volunteers.matching):
rows → records, a proposal with its reasons in the user's language, and writing the
pairs the coordinator confirmed – re-checked against the current data first, so a
proposal that went stale (a volunteer left, a request was taken meanwhile) writes nothing.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from kim.core.domain.settings import setting
from kim.core.models import Municipality
from kim.volunteers import matching
from kim.volunteers.choices import Skill, slot_label
from kim.volunteers.domain.policy import CERTIFICATE_YEARS
from kim.volunteers.models import Match, Request, Volunteer

OPEN_STATES = (Match.State.PROPOSED, Match.State.AGREED, Match.State.ACTIVE)


def active_volunteers() -> QuerySet[Volunteer]:
    """Volunteers who have not left, with their districts and current load."""
    return (Volunteer.objects.filter(left_on=None)
            .annotate(load=Count("matches", filter=Q(matches__state__in=OPEN_STATES)))
            .prefetch_related("districts").order_by("pk"))


def volunteer_records(municipality: Municipality, on: datetime.date,
                      volunteers: Iterable[Volunteer] | None = None,
                      ) -> list[matching.Volunteer]:
    years = setting(municipality, CERTIFICATE_YEARS, on)
    rows = list(active_volunteers() if volunteers is None else volunteers)
    earlier: dict[int, set[str]] = defaultdict(set)
    for vid, household in (Match.objects.filter(volunteer__in=rows)
                           .exclude(request__household=None)
                           .values_list("volunteer_id", "request__household_id")):
        earlier[vid].add(str(household))
    records = []
    for v in rows:
        languages = dict(v.languages or {})
        records.append(matching.Volunteer(
            key=v.pk, languages=frozenset(languages), skills=frozenset(v.skills or ()),
            districts=(frozenset({matching.ANY_DISTRICT}) if v.any_district else
                       frozenset(str(a.pk) for a in v.districts.all())),
            slots=frozenset(v.slots or ()), capacity=v.capacity,
            load=min(getattr(v, "load", 0), 1_000_000),
            levels={code: level for code, level in languages.items() if level},
            earlier_households=frozenset(earlier.get(v.pk, ())),
            certificate_until=v.certificate_until(years)))
    return records


def request_record(r: Request) -> matching.Request:
    return matching.Request(
        key=r.pk, slots=frozenset(r.slots or ()), language=r.language or None,
        skill=r.skill or None, district=str(r.district_id) if r.district_id else None,
        involves_children=r.involves_children,
        household=str(r.household_id) if r.household_id else None)


def open_requests() -> list[Request]:
    return list(Request.objects.filter(status=Request.Status.OPEN)
                .select_related("district").order_by("created_on", "pk"))


# -- presenting reasons in the user's language -----------------------------------------------
def describer(areas: Mapping[str, str], names: Mapping[int, str] | None = None):
    """Parameter values as words: language names in the active language, skill and
    slot labels, district and volunteer names instead of ids."""
    locale = (get_language() or "de").split("-")[0]
    skills = dict(Skill.choices)

    def describe(name: str, value: object) -> object:
        if name == "language" and isinstance(value, str):
            return matching.language_name(value, locale)
        if name == "skill" and isinstance(value, str):
            return skills.get(value, value)
        if name == "slots" and isinstance(value, str):
            return slot_label(value)
        if name == "district" and isinstance(value, str):
            return areas.get(value, value)
        if name == "volunteer" and names and isinstance(value, int):
            return names.get(value, value)
        if name == "until" and isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value).strftime("%d.%m.%Y")
            except ValueError:
                return value
        return value

    return describe


def reason_texts(reasons: Sequence[matching.Reason], areas: Mapping[str, str],
                 names: Mapping[int, str] | None = None) -> list[str]:
    describe = describer(areas, names)
    return [matching.render(r, gettext, describe=describe) for r in reasons]


@dataclass(frozen=True)
class Suggestion:
    request: Request
    volunteer: Volunteer
    score: int
    reasons: list[str]


@dataclass(frozen=True)
class Unanswered:
    request: Request
    reasons: list[str]


@dataclass(frozen=True)
class Proposal:
    suggestions: list[Suggestion]
    unmatched: list[Unanswered]


def propose(municipality: Municipality, on: datetime.date) -> Proposal:
    """The optimal proposal for every open request; writes nothing."""
    volunteers = {v.pk: v for v in active_volunteers()}
    requests = open_requests()
    areas = {str(r.district_id): r.district.name for r in requests if r.district}
    result = matching.match(volunteer_records(municipality, on, volunteers.values()),
                            [request_record(r) for r in requests], on=on)
    by_id = {r.pk: r for r in requests}
    return Proposal(
        [Suggestion(by_id[int(m.request_key)], volunteers[int(m.volunteer_key)], m.score,
                    reason_texts(m.reasons, areas)) for m in result.matches],
        [Unanswered(by_id[int(u.request_key)], reason_texts(u.reasons, areas))
         for u in result.unmatched])


def parse_pairs(values: Iterable[str]) -> dict[int, int]:
    """Checkbox values "request:volunteer" → {request id: volunteer id}."""
    pairs: dict[int, int] = {}
    for value in values:
        left, _sep, right = value.partition(":")
        if not (left.isdigit() and right.isdigit()) or int(left) in pairs:
            raise ValidationError(_("The selection could not be read; please reload the "
                                    "proposal."))
        pairs[int(left)] = int(right)
    return pairs


def confirm(municipality: Municipality, pairs: Mapping[int, int],
            on: datetime.date) -> list[Match]:
    """Write the confirmed pairs as proposed assignments, all or nothing. Re-checks every
    pair against the current data: an open request, an active volunteer, the hard
    constraints and capacities (other assignments may have been made meanwhile)."""
    if not pairs:
        raise ValidationError(_("Choose at least one suggestion."))
    requests = {r.pk: r for r in Request.objects.select_for_update()
                .filter(pk__in=list(pairs), status=Request.Status.OPEN)}
    # Lock the volunteers before counting their load: two coordinators confirming at once
    # cannot both give a volunteer's last free assignment away (PostgreSQL).
    list(Volunteer.objects.select_for_update().filter(pk__in=set(pairs.values()))
         .values_list("pk", flat=True))
    volunteers = {v.pk: v for v in active_volunteers().filter(pk__in=set(pairs.values()))}
    records = volunteer_records(municipality, on, volunteers.values())
    keyed: dict[str | int, str | int] = dict(pairs.items())
    problems = matching.check_matches(keyed, records,
                                      [request_record(r) for r in requests.values()], on)
    if problems:
        areas = {str(r.district_id): r.district.name for r in requests.values()
                 if r.district}
        names = {pk: str(v) for pk, v in volunteers.items()}
        raise ValidationError([
            reason_texts([reason], areas, names)[0] if reason.code == "over_capacity" else
            gettext("Request #%(id)s: %(problem)s") % {
                "id": key, "problem": reason_texts([reason], areas, names)[0]}
            for key, reason in problems])
    created = []
    for request_id, volunteer_id in sorted(pairs.items()):
        created.append(Match.objects.create(
            municipality=municipality, request=requests[request_id],
            volunteer=volunteers[volunteer_id], proposed_on=on))
        request = requests[request_id]
        request.status = Request.Status.MATCHED
        request.save(update_fields=["status"])
    return created


def ranked_candidates(municipality: Municipality, request: Request, on: datetime.date,
                      limit: int = 5) -> list[Suggestion]:
    """The best volunteers for one open request ("who could take it?"), with reasons."""
    volunteers = {v.pk: v for v in active_volunteers()}
    areas = {str(request.district_id): request.district.name} if request.district else {}
    ranked = matching.candidates(request_record(request),
                                 volunteer_records(municipality, on, volunteers.values()),
                                 on=on, include_excluded=False)[:limit]
    return [Suggestion(request, volunteers[int(c.volunteer_key)], c.score,
                       reason_texts(c.reasons, areas)) for c in ranked]
