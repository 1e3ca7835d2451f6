"""Master data every module shares, per municipality: areas (districts, sub-districts),
organisations (providers, clubs, Kitas, schools, employers, applicants …) and the
configurable fields of action of integration work."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models.tenancy import TenantModel

GEOMETRY_TYPES = ("Polygon", "MultiPolygon")


def validate_geometry(value: Any) -> None:
    """A GeoJSON Polygon or MultiPolygon with WGS 84 coordinates, or nothing."""
    if value in (None, {}):
        return
    if not isinstance(value, dict) or value.get("type") not in GEOMETRY_TYPES:
        raise ValidationError(_("Give the outline as a GeoJSON Polygon or MultiPolygon."))
    rings: Any = value.get("coordinates")
    polygons = [rings] if value["type"] == "Polygon" else rings
    try:
        for polygon in polygons:
            for ring in polygon:
                if len(ring) < 4 or ring[0] != ring[-1]:
                    raise ValidationError(_("Each ring of the outline must be closed (first "
                                            "point = last point) and have four points or "
                                            "more."))
                for lon, lat, *_rest in ring:
                    if not (-180 <= float(lon) <= 180 and -90 <= float(lat) <= 90):
                        raise ValidationError(_("Coordinates must be longitude/latitude in "
                                                "degrees (WGS 84)."))
    except (TypeError, ValueError):
        raise ValidationError(_("The outline's coordinates are not valid GeoJSON.")) from None


@audited()
class Area(TenantModel):
    """A district or sub-district. Persons' addresses, facilities and institutions carry
    one, so monitoring and reports can count by area."""

    class Level(models.TextChoices):
        DISTRICT = "district", _("district")
        SUB_DISTRICT = "sub_district", _("sub-district")

    name = models.CharField(_("name"), max_length=120)
    code = models.CharField(_("statistical code"), max_length=20, blank=True)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices,
                             default=Level.DISTRICT)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="children", verbose_name=_("part of"))
    geometry = models.JSONField(_("outline (GeoJSON)"), null=True, blank=True,
                                validators=[validate_geometry])

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["level", "name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "level", "name"],
                                               name="area_unique_name")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.level == self.Level.SUB_DISTRICT and (
                self.parent is None or self.parent.level != self.Level.DISTRICT):
            raise ValidationError({"parent": _("A sub-district is part of a district.")})
        if self.level == self.Level.DISTRICT and self.parent_id is not None:
            raise ValidationError({"parent": _("A district is not part of another area.")})
        if self.parent_id and self.parent and self.parent.municipality_id != self.municipality_id:
            raise ValidationError({"parent": _("The district belongs to another "
                                               "municipality.")})


class OrganisationKind(models.TextChoices):
    PROVIDER = "provider", _("education provider")
    CLUB = "club", _("club or association")
    MIGRANT_ORGANISATION = "migrant_org", _("migrant organisation")
    RELIGIOUS = "religious", _("religious community")
    INITIATIVE = "initiative", _("initiative")
    KITA = "kita", _("Kita")
    SCHOOL = "school", _("school")
    EMPLOYER = "employer", _("employer")
    AUTHORITY = "authority", _("authority or office")
    MUNICIPAL_UNIT = "municipal_unit", _("municipal unit")
    COUNSELLING = "counselling", _("counselling service")


def validate_kinds(value: Any) -> None:
    allowed = set(OrganisationKind.values)
    if not isinstance(value, list) or not value or not set(value) <= allowed:
        raise ValidationError(_("Choose at least one kind of organisation."))


@audited()
class Organisation(TenantModel):
    """A provider, club, Kita, school, employer, office … of the municipality. Users may
    belong to one (``Membership.organisation``): a provider's staff see what is referred
    to their organisation, an applicant sees its own applications."""

    name = models.CharField(_("name"), max_length=200)
    kinds = models.JSONField(_("kinds"), default=list, validators=[validate_kinds])
    area = models.ForeignKey(Area, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="organisations", verbose_name=_("area"))
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"],
                                               name="organisation_unique_name")]

    def __str__(self) -> str:
        return self.name

    def kind_labels(self) -> list[str]:
        labels = dict(OrganisationKind.choices)
        return [str(labels[k]) for k in self.kinds if k in labels]


@audited()
class FieldOfAction(TenantModel):
    """A field of action of integration work (Handlungsfeld/Baustein), configurable per
    municipality. Individual integration plans, the action plan, the fund and monitoring
    use the same list. ``code`` is stable; the name may change."""

    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")
        ordering = ["order", "name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "code"],
                                               name="field_of_action_unique_code")]

    def __str__(self) -> str:
        return self.name
