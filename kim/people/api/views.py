"""Persons, households and legal status: the people module's endpoints.

Writes go through the web's forms and domain functions (``PersonForm`` →
``record_person``, ``StatusForm`` → ``record_status``): the same validation, the same
rules-engine check, the same audit entries.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from kim.api import problems
from kim.api.views.base import (
    IDEMPOTENCY_KEY,
    IF_MATCH,
    READ_ERRORS,
    WRITE_ERRORS,
    ApiView,
    body,
    clean_text,
    etag,
    form_data,
    form_errors,
    idempotent,
    paged,
    paginate,
    require_match,
    whole_number,
)
from kim.people.api.serializers import (
    HouseholdSerializer,
    PersonInputSerializer,
    PersonPatchSerializer,
    PersonSerializer,
    StatusInputSerializer,
    StatusSerializer,
)
from kim.people.domain.facts import decisions_for
from kim.people.domain.params import params_for
from kim.people.domain.recording import record_person, record_status
from kim.people.forms.persons import PersonForm, StatusForm
from kim.people.models import Household, HouseholdMember, LegalStatus, Person

ORDERINGS = {"id": "pk", "-id": "-pk", "updated_at": "updated_at", "-updated_at": "-updated_at"}


def _text(value: Any) -> Any:
    return "" if value is None else value


def _codes(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


PERSON_INPUT = {
    **dict.fromkeys(("family_name", "given_names", "birth", "sex", "external_id", "phone",
                     "email", "street", "postal_code"), _text),
    "citizenships": _codes,
    **dict.fromkeys(("area", "entry_date", "asylum_application_date", "assignment_date",
                     "analog_benefits_since", "moved_away_date",
                     "lives_in_reception_centre", "unaccompanied_minor",
                     "residence_obligation_exception"), lambda v: v),
}
PERSON_RENAME = {"citizenship_codes": "citizenships"}


def _today() -> datetime.date:
    return timezone.localdate()


def _person_form_data(person: Person | None, data: dict[str, Any]) -> dict[str, Any]:
    converted, errors = form_data(data, PERSON_INPUT)
    if errors:
        raise problems.Invalid(errors)
    if "citizenships" in converted:
        converted["citizenship_codes"] = converted.pop("citizenships")
    if person is None:
        return converted
    current = model_to_dict(person, fields=PersonForm._meta.fields)
    current = {k: v for k, v in current.items() if v is not None}
    current["birth"] = person.birth_date.isoformat()[:{"year": 4, "month": 7}.get(
        person.birth_date_precision, 10)]
    current["citizenship_codes"] = ", ".join(person.citizenships)
    return {**current, **converted}


def _save_person(request: Request, person: Person, data: dict[str, Any]) -> Person:
    form = PersonForm(data, instance=person)
    if not form.is_valid():
        raise problems.Invalid(form_errors(form, PERSON_RENAME))
    person = form.save(commit=False)
    person.municipality = request.municipality
    try:
        return record_person(person, _today())
    except ValidationError as exc:
        form.add_error(None, exc)
        raise problems.Invalid(form_errors(form, PERSON_RENAME)) from None


def _person_response(person: Person, status: int = 200) -> Response:
    return Response(PersonSerializer(person).data, status=status,
                    headers={"ETag": etag(person)})


class PersonList(ApiView):
    @extend_schema(
        operation_id="persons_list", responses={200: paged(PersonSerializer),
                                                **READ_ERRORS},
        parameters=[
            OpenApiParameter("family_name", str, description="Exact family name"),
            OpenApiParameter("birth_year", int),
            OpenApiParameter("updated_since", datetime.datetime),
            OpenApiParameter("ordering", str, enum=list(ORDERINGS)),
        ])
    def get(self, request: Request) -> Response:
        qs: QuerySet[Person] = Person.objects.all()
        params = request.query_params
        errors = []
        if params.get("family_name"):
            qs = qs.filter(family_name=clean_text(params["family_name"], "family_name"))
        if params.get("birth_year"):
            year = whole_number(params["birth_year"])
            if year is None or not 1900 <= year <= 2199:
                errors.append({"field": "birth_year", "message": _("Enter a year.")})
            else:
                qs = qs.filter(birth_date__year=year)
        if params.get("updated_since"):
            since = _parse_datetime(params["updated_since"])
            if since is None:
                errors.append({"field": "updated_since",
                               "message": _("Enter a date and time (ISO 8601).")})
            else:
                qs = qs.filter(updated_at__gte=since)
        ordering = params.get("ordering", "id")
        if ordering not in ORDERINGS:
            errors.append({"field": "ordering", "message": _("Unknown ordering.")})
        if errors:
            raise problems.Invalid(errors)
        return paginate(self, request, qs, lambda page: PersonSerializer(page, many=True).data,
                        ORDERINGS.get(ordering, "pk"))

    @extend_schema(operation_id="persons_create", request=PersonInputSerializer,
                   parameters=[IDEMPOTENCY_KEY],
                   responses={201: PersonSerializer, **WRITE_ERRORS})
    def post(self, request: Request) -> Response:
        data = body(request)

        def create() -> Response:
            person = Person(municipality=request.municipality)
            return _person_response(_save_person(request, person,
                                                 _person_form_data(None, data)), 201)

        return idempotent(request, create)


def _parse_datetime(text: str) -> datetime.datetime | None:
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if not 1900 <= value.year <= 2199:  # the span of every date kim stores
        return None
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


class PersonDetail(ApiView):
    @extend_schema(operation_id="persons_read",
                   responses={200: PersonSerializer, **READ_ERRORS})
    def get(self, request: Request, obj: Person) -> Response:
        return _person_response(obj)

    @extend_schema(operation_id="persons_update", request=PersonPatchSerializer,
                   parameters=[IF_MATCH], responses={200: PersonSerializer, **WRITE_ERRORS})
    def patch(self, request: Request, obj: Person) -> Response:
        data = body(request)
        require_match(request, etag(obj))
        return _person_response(_save_person(request, obj, _person_form_data(obj, data)))


STATUS_INPUT = {**dict.fromkeys(("code", "permit_paragraph", "document_number", "note"),
                                _text),
                "valid_from": lambda v: v, "expires_on": lambda v: v}


class PersonStatuses(ApiView):
    @extend_schema(operation_id="persons_statuses_list",
                   responses={200: paged(StatusSerializer), **READ_ERRORS})
    def get(self, request: Request, obj: Person) -> Response:
        return paginate(self, request, LegalStatus.objects.filter(person=obj),
                        lambda page: StatusSerializer(page, many=True).data)

    @extend_schema(operation_id="persons_statuses_create", request=StatusInputSerializer,
                   parameters=[IDEMPOTENCY_KEY],
                   responses={201: StatusSerializer, **WRITE_ERRORS})
    def post(self, request: Request, obj: Person) -> Response:
        data, errors = form_data(body(request), STATUS_INPUT)
        if errors:
            raise problems.Invalid(errors)

        def create() -> Response:
            status = LegalStatus(municipality=request.municipality, person=obj)
            form = StatusForm(data, instance=status)
            if not form.is_valid():
                raise problems.Invalid(form_errors(form))
            try:
                record_status(form.instance, _today())
            except ValidationError as exc:
                form.add_error(None, exc)
                raise problems.Invalid(form_errors(form)) from None
            return Response(StatusSerializer(form.instance).data, status=201)

        return idempotent(request, create)


class DecisionsSerializer(serializers.Serializer):  # type: ignore[type-arg]
    on = serializers.DateField()
    decisions = serializers.DictField(
        allow_null=True, help_text="The rules engine's decisions (legal-rules.md §2.2); null "
                                   "while the person has no status on that day")


class PersonDecisions(ApiView):
    @extend_schema(operation_id="persons_decisions",
                   parameters=[OpenApiParameter("on", datetime.date,
                                                description="Day (default: today)")],
                   responses={200: DecisionsSerializer, **READ_ERRORS})
    def get(self, request: Request, obj: Person) -> Response:
        raw = request.query_params.get("on")
        day = _today()
        if raw:
            try:
                day = datetime.date.fromisoformat(raw)
            except ValueError:
                day = None  # type: ignore[assignment]
            if day is None or not 1900 <= day.year <= 2199:
                raise problems.Invalid([{"field": "on", "message": _("Enter a date "
                                                                     "(YYYY-MM-DD).")}])
        decisions = decisions_for(obj, list(obj.statuses.all()), day,
                                  params=params_for(request.municipality))
        return Response({"on": day, "decisions": decisions})


def _households() -> QuerySet[Household]:
    return Household.objects.prefetch_related(
        Prefetch("members", HouseholdMember.objects.order_by("valid_from", "pk")))


class HouseholdList(ApiView):
    @extend_schema(operation_id="households_list",
                   responses={200: paged(HouseholdSerializer), **READ_ERRORS})
    def get(self, request: Request) -> Response:
        return paginate(self, request, _households(),
                        lambda page: HouseholdSerializer(page, many=True).data)


class HouseholdDetail(ApiView):
    @extend_schema(operation_id="households_read",
                   responses={200: HouseholdSerializer, **READ_ERRORS})
    def get(self, request: Request, obj: Household) -> Response:
        obj = _households().get(pk=obj.pk)
        return Response(HouseholdSerializer(obj).data)
