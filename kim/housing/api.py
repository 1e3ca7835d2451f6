"""The housing module's REST endpoints (``KimModule.api``): facilities with their units
and places, stays (read); the private-housing waiting list (read, and putting a household
on it with the web's form and domain function) and placements into flats (read)."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
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
    paginate,
    run_form,
    whole_number,
)
from kim.api.views.lists import Filter, Listing, by_id_and
from kim.housing.domain import waitlist
from kim.housing.forms.placement import EntryForm
from kim.housing.models import (
    EntryStatus,
    Facility,
    Place,
    Placement,
    PlacementKind,
    Regime,
    Stay,
    Unit,
    WaitingListEntry,
)


class PlaceSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = Place
        fields = ["id", "label", "blocked"]
        read_only_fields = fields


class UnitSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    places = PlaceSerializer(many=True, read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "name", "target_use", "accessible", "floor", "places"]
        read_only_fields = fields


class FacilitySerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = Facility
        fields = ["id", "code", "name", "kind", "address", "target_use", "accessible",
                  "active"]
        read_only_fields = fields


class FacilityDetailSerializer(FacilitySerializer):
    units = UnitSerializer(many=True, read_only=True)

    class Meta(FacilitySerializer.Meta):
        fields = [*FacilitySerializer.Meta.fields, "units"]
        read_only_fields = fields


class StaySerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    person = serializers.IntegerField(source="person_id", read_only=True)
    place = serializers.IntegerField(source="place_id", read_only=True)

    class Meta:
        model = Stay
        fields = ["id", "person", "place", "start", "end", "move_in_reason",
                  "move_out_reason"]
        read_only_fields = fields


class FacilityList(ApiView):
    @extend_schema(operation_id="facilities_list",
                   responses={200: paged(FacilitySerializer), **READ_ERRORS})
    def get(self, request: Request) -> Response:
        return paginate(self, request, Facility.objects.all(),
                        lambda page: FacilitySerializer(page, many=True).data)


class FacilityDetail(ApiView):
    @extend_schema(operation_id="facilities_read",
                   responses={200: FacilityDetailSerializer, **READ_ERRORS})
    def get(self, request: Request, obj: Facility) -> Response:
        units: QuerySet[Unit] = Unit.objects.order_by("name", "pk").prefetch_related(
            Prefetch("places", Place.objects.order_by("label", "pk")))
        facility = Facility.objects.prefetch_related(Prefetch("units", units)).get(pk=obj.pk)
        return Response(FacilityDetailSerializer(facility).data)


class StayList(ApiView):
    @extend_schema(operation_id="stays_list",
                   parameters=[OpenApiParameter("open", bool, description="Only current stays"),
                               OpenApiParameter("person", int)],
                   responses={200: paged(StaySerializer), **READ_ERRORS})
    def get(self, request: Request) -> Response:
        qs: QuerySet[Stay] = Stay.objects.all()
        params = request.query_params
        if params.get("open", "").lower() in ("1", "true"):
            qs = qs.filter(end=None)
        if params.get("person"):
            person = whole_number(params["person"])
            if person is None:
                raise problems.Invalid([{"field": "person",
                                         "message": _("Enter a whole number.")}])
            qs = qs.filter(person_id=person)
        return paginate(self, request, qs, lambda page: StaySerializer(page, many=True).data)


class WaitingEntrySerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    household = serializers.IntegerField(source="household_id", read_only=True)

    class Meta:
        model = WaitingListEntry
        fields = ["id", "household", "applied_on", "status", "closed_on"]
        read_only_fields = fields


class WaitingEntryInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """The web's form "Put a household on the waiting list" (documentation)."""

    household = serializers.IntegerField(min_value=1, help_text="The household's number")
    applied_on = serializers.DateField()
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


WAITING = Listing(
    filters=[Filter("status", "status", "choice", EntryStatus.values),
             Filter("household", "household_id", "int")],
    orderings=by_id_and("applied_on"))
WAITING_INPUT = dict.fromkeys(("household", "applied_on", "note"), lambda v: v)


class WaitingList(ApiView):
    @extend_schema(operation_id="waiting_list", parameters=WAITING.parameters(),
                   responses={200: paged(WaitingEntrySerializer), **READ_ERRORS})
    def get(self, request: Request) -> Response:
        return WAITING.respond(self, request, WaitingListEntry.objects.all(),
                               lambda page: WaitingEntrySerializer(page, many=True).data)

    @extend_schema(operation_id="waiting_create", request=WaitingEntryInputSerializer,
                   parameters=[IDEMPOTENCY_KEY],
                   responses={201: WaitingEntrySerializer, **WRITE_ERRORS})
    def post(self, request: Request) -> Response:
        data, errors = form_data(body(request), WAITING_INPUT)
        if errors:
            raise problems.Invalid(errors)

        def create() -> Response:
            entry = run_form(EntryForm(data), lambda d: waitlist.add_entry(
                request.municipality, d["household"], d["applied_on"], d["note"],
                request.user))
            return Response(WaitingEntrySerializer(entry).data, status=201)

        return idempotent(request, create)


class PlacementSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    household = serializers.IntegerField(source="household_id", read_only=True)
    entry = serializers.IntegerField(source="entry_id", read_only=True, allow_null=True,
                                     help_text="The waiting list entry it closed")

    class Meta:
        model = Placement
        fields = ["id", "household", "kind", "placed_on", "regime", "entry"]
        read_only_fields = fields


PLACEMENTS = Listing(
    filters=[Filter("kind", "kind", "choice", PlacementKind.values),
             Filter("regime", "regime", "choice", Regime.values),
             Filter("household", "household_id", "int"),
             Filter("placed_from", "placed_on__gte", "date"),
             Filter("placed_to", "placed_on__lte", "date")],
    orderings=by_id_and("placed_on"))


class PlacementList(ApiView):
    @extend_schema(operation_id="placements_list", parameters=PLACEMENTS.parameters(),
                   responses={200: paged(PlacementSerializer), **READ_ERRORS})
    def get(self, request: Request) -> Response:
        return PLACEMENTS.respond(self, request, Placement.objects.all(),
                                  lambda page: PlacementSerializer(page, many=True).data)


ENDPOINTS = [
    Endpoint("facilities/", "facilities", {"GET": "housing.facilities:read"}, FacilityList,
             list_view=True),
    Endpoint("facilities/<int:pk>/", "facility", {"GET": "housing.facilities:read"},
             FacilityDetail, obj=Facility),
    Endpoint("stays/", "stays", {"GET": "housing.stays:read"}, StayList, list_view=True),
    Endpoint("waiting-list/", "waiting_list",
             {"GET": "housing.waiting:read", "POST": "housing.waiting:write"}, WaitingList,
             list_view=True),
    Endpoint("placements/", "placements", {"GET": "housing.waiting:read"}, PlacementList,
             list_view=True),
]
