"""What the API answers (read) and documents as input; the input itself is validated by
the web's forms (kim/people/api/views.py), so both paths refuse the same data."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kim.people.models import Household, HouseholdMember, LegalStatus, Person

PERSON_FIELDS = ["id", "external_id", "family_name", "given_names", "birth",
                 "birth_date_precision", "sex", "citizenships", "phone", "email", "street",
                 "postal_code", "area", "entry_date", "asylum_application_date",
                 "assignment_date", "analog_benefits_since", "moved_away_date",
                 "lives_in_reception_centre", "unaccompanied_minor",
                 "residence_obligation_exception", "created_at", "updated_at"]


class PersonSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    birth = serializers.DateField(source="birth_date", read_only=True,
                                  help_text="Missing parts are 01 (see birth_date_precision).")
    citizenships = serializers.ListField(child=serializers.CharField(), read_only=True)
    email = serializers.CharField(read_only=True, help_text="E-mail address or empty")

    class Meta:
        model = Person
        fields = PERSON_FIELDS
        read_only_fields = PERSON_FIELDS


class PersonInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """A person as the web form takes it (documentation of the request body)."""

    family_name = serializers.CharField(max_length=150)
    given_names = serializers.CharField(max_length=150)
    birth = serializers.CharField(max_length=10,
                                  help_text="YYYY-MM-DD, YYYY-MM, YYYY or TT.MM.JJJJ")
    sex = serializers.ChoiceField(choices=Person._meta.get_field("sex").choices, required=False)
    citizenships = serializers.ListField(child=serializers.CharField(max_length=2),
                                         help_text="ISO codes; XX = stateless or unknown")
    external_id = serializers.CharField(max_length=64, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    street = serializers.CharField(max_length=200, required=False, allow_blank=True)
    postal_code = serializers.CharField(max_length=10, required=False, allow_blank=True)
    area = serializers.IntegerField(required=False, allow_null=True)
    entry_date = serializers.DateField(required=False, allow_null=True)
    asylum_application_date = serializers.DateField(required=False, allow_null=True)
    assignment_date = serializers.DateField(required=False, allow_null=True)
    analog_benefits_since = serializers.DateField(required=False, allow_null=True)
    moved_away_date = serializers.DateField(required=False, allow_null=True)
    lives_in_reception_centre = serializers.BooleanField(required=False)
    unaccompanied_minor = serializers.BooleanField(required=False)
    residence_obligation_exception = serializers.BooleanField(required=False)


class PersonPatchSerializer(PersonInputSerializer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class StatusSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    person = serializers.IntegerField(source="person_id", read_only=True)

    class Meta:
        model = LegalStatus
        fields = ["id", "person", "code", "valid_from", "permit_paragraph", "document_number",
                  "expires_on", "note"]
        read_only_fields = fields


class StatusInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    code = serializers.ChoiceField(choices=LegalStatus._meta.get_field("code").choices)
    valid_from = serializers.DateField()
    permit_paragraph = serializers.CharField(max_length=60, required=False, allow_blank=True)
    document_number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    expires_on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class MemberSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    person = serializers.IntegerField(source="person_id", read_only=True)

    class Meta:
        model = HouseholdMember
        fields = ["person", "role", "valid_from", "valid_to"]
        read_only_fields = fields


class HouseholdSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    members = MemberSerializer(many=True, read_only=True)

    class Meta:
        model = Household
        fields = ["id", "reference", "name", "created_at", "dissolved_on", "members"]
        read_only_fields = fields
