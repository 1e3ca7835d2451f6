"""The volunteers module's REST endpoints (``KimModule.api``): requests for a volunteer.

The coordination's list (``volunteers.pool:read``) names no household and no author; a
caseworker's own requests (``volunteers.own_requests:write``, the author's object rule)
name the household but never a volunteer. No endpoint gives volunteers' personal data.
Creating one's own request goes through the page's ``RequestForm``.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request as ApiRequest
from rest_framework.response import Response

from kim.api import problems
from kim.api.declare import Endpoint
from kim.api.views.base import (
    IDEMPOTENCY_KEY,
    READ_ERRORS,
    WRITE_ERRORS,
    ApiView,
    body,
    form_data,
    idempotent,
    paged,
    run_form,
    scalar,
)
from kim.api.views.lists import Filter, Listing, by_id_and
from kim.core.permissions.check import visible
from kim.volunteers.choices import Skill
from kim.volunteers.forms import RequestForm
from kim.volunteers.models import Request

OWN = "volunteers.own_requests:write"
REQUEST_FIELDS = ["id", "skill", "language", "district", "slots", "involves_children",
                  "description", "created_on", "status"]


class RequestSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    district = serializers.IntegerField(source="district_id", read_only=True, allow_null=True)
    institution = serializers.IntegerField(source="institution_id", read_only=True,
                                           allow_null=True)
    slots = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Request
        fields = [*REQUEST_FIELDS, "institution"]
        read_only_fields = fields


class OwnRequestSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    district = serializers.IntegerField(source="district_id", read_only=True, allow_null=True)
    household = serializers.IntegerField(source="household_id", read_only=True,
                                         allow_null=True)
    slots = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Request
        fields = [*REQUEST_FIELDS, "shared_with_volunteer", "household"]
        read_only_fields = fields


class OwnRequestInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """The page "Ask for a volunteer" (documentation): at least a need, a language or a
    district; the description without names."""

    skill = serializers.ChoiceField(choices=Skill.choices, required=False, allow_blank=True)
    language = serializers.CharField(max_length=12, required=False, allow_blank=True,
                                     help_text="ISO 639 code")
    district = serializers.IntegerField(required=False, allow_null=True)
    slots = serializers.ListField(child=serializers.CharField(), min_length=1)
    involves_children = serializers.BooleanField(required=False)
    description = serializers.CharField(max_length=300)
    shared_with_volunteer = serializers.CharField(required=False, allow_blank=True)
    created_on = serializers.DateField()
    household = serializers.IntegerField(required=False, allow_null=True, min_value=1)


def _choices(value: Any) -> Any:
    return [scalar(v) for v in value] if isinstance(value, list) else scalar(value)


OWN_INPUT = {**dict.fromkeys(("skill", "language", "district", "involves_children",
                              "description", "shared_with_volunteer", "created_on",
                              "household"), scalar), "slots": _choices}
REQUESTS = Listing(
    filters=[Filter("status", "status", "choice", Request.Status.values),
             Filter("skill", "skill", "choice", Skill.values),
             Filter("district", "district_id", "int"),
             Filter("created_from", "created_on__gte", "date")],
    orderings=by_id_and("created_on"))


class RequestList(ApiView):
    @extend_schema(operation_id="volunteer_requests_list", parameters=REQUESTS.parameters(),
                   responses={200: paged(RequestSerializer), **READ_ERRORS})
    def get(self, request: ApiRequest) -> Response:
        return REQUESTS.respond(self, request, Request.objects.all(),
                                lambda page: RequestSerializer(page, many=True).data)


class OwnRequestList(ApiView):
    @extend_schema(operation_id="own_volunteer_requests_list",
                   parameters=REQUESTS.parameters(),
                   responses={200: paged(OwnRequestSerializer), **READ_ERRORS})
    def get(self, request: ApiRequest) -> Response:
        qs = visible(request.user, OWN, request.municipality, Request.objects.all())
        return REQUESTS.respond(self, request, qs,
                                lambda page: OwnRequestSerializer(page, many=True).data)

    @extend_schema(operation_id="own_volunteer_requests_create",
                   request=OwnRequestInputSerializer, parameters=[IDEMPOTENCY_KEY],
                   responses={201: OwnRequestSerializer, **WRITE_ERRORS})
    def post(self, request: ApiRequest) -> Response:
        data, errors = form_data(body(request), OWN_INPUT)
        if errors:
            raise problems.Invalid(errors)
        if "household" in data:
            data["household_number"] = data.pop("household")

        def create() -> Response:
            form = RequestForm(data, household_field=True, instance=Request(
                municipality=request.municipality, created_by=request.user))
            saved = run_form(form, lambda d: form.save(), {"household_number": "household"})
            return Response(OwnRequestSerializer(saved).data, status=201)

        return idempotent(request, create)


class OwnRequestDetail(ApiView):
    @extend_schema(operation_id="own_volunteer_requests_read",
                   responses={200: OwnRequestSerializer, **READ_ERRORS})
    def get(self, request: ApiRequest, obj: Request) -> Response:
        return Response(OwnRequestSerializer(obj).data)


ENDPOINTS = [
    Endpoint("volunteer-requests/", "volunteer_requests", {"GET": "volunteers.pool:read"},
             RequestList, list_view=True),
    Endpoint("my-volunteer-requests/", "own_volunteer_requests", {"GET": OWN, "POST": OWN},
             OwnRequestList, list_view=True),
    Endpoint("my-volunteer-requests/<int:pk>/", "own_volunteer_request", {"GET": OWN},
             OwnRequestDetail, obj=Request),
]
