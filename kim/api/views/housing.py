"""Accommodation: facilities with their units and places, and stays (read)."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from kim.api import problems
from kim.api.views.base import READ_ERRORS, ApiView, paged, paginate, whole_number
from kim.housing.models import Facility, Place, Stay, Unit


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
