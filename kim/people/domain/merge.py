"""Merging two records of the same person: both histories are kept, the merge is audited."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kim.core.audit.writer import write
from kim.people.domain import timelines
from kim.people.domain.deadlines import refresh_person
from kim.people.domain.persons import padded_key, refresh_keys, store_name_tokens
from kim.people.models import (
    DecisionSegment,
    HouseholdMember,
    LegalStatus,
    Person,
    PersonLanguage,
    PersonName,
    PersonNameToken,
    Timeline,
    Vulnerability,
)

# Derived rows are rebuilt for the kept person, not moved (they go with the removed one).
_REBUILT = (PersonName, PersonNameToken, DecisionSegment, Timeline)


class MergeError(ValueError):
    pass


# (model, field that must stay unique per person): a row of the removed record that would
# clash with one of the kept record is dropped (the kept record already says the same).
_UNIQUE_PER_PERSON: dict[type, str] = {
    LegalStatus: "valid_from",
    Vulnerability: "kind",
    PersonLanguage: "language",
}
_FILL_IN = ["external_id", "entry_date", "asylum_application_date", "assignment_date",
            "analog_benefits_since", "phone", "email", "activity", "childcare",
            "accommodation_code", "accommodation_since"]


@transaction.atomic
def merge_persons(keep: Person, remove: Person, today: datetime.date) -> Person:
    """Move everything of ``remove`` to ``keep`` and delete ``remove``.

    Related rows of every app are moved (found through the model metadata, so later
    modules need no change here). The removed name becomes a name variant; empty fields
    of the kept record are filled from the removed one.
    """
    if keep.pk == remove.pk or keep.municipality_id != remove.municipality_id:
        raise MergeError("Only two different persons of the same municipality can be merged.")
    for name in _FILL_IN:
        if not getattr(keep, name) and getattr(remove, name):
            setattr(keep, name, getattr(remove, name))
    keep.citizenships = list(dict.fromkeys([*keep.citizenships, *remove.citizenships]))
    moved = {}
    for relation in Person._meta.related_objects:
        # Name variants are handled below; search tokens and time lines are rebuilt.
        if not relation.one_to_many or relation.related_model in _REBUILT:
            continue
        model, field = relation.related_model, relation.field.name
        if isinstance(model, str):  # "self": never after the app registry is ready
            continue
        rows = model._default_manager.filter(**{field: remove})
        unique = _UNIQUE_PER_PERSON.get(model)
        if unique:
            taken = model._default_manager.filter(**{field: keep}).values_list(unique, flat=True)
            rows.filter(**{f"{unique}__in": list(taken)}).delete()
        if model is HouseholdMember and HouseholdMember.objects.filter(person=keep,
                                                                       valid_to=None).exists():
            # one current household only
            for membership in HouseholdMember.objects.filter(person=remove, valid_to=None):
                membership.valid_to = max(today, membership.valid_from)
                membership.save()
        try:
            with transaction.atomic():  # a savepoint: the clash must not poison the merge
                count = rows.update(**{field: keep})
        except IntegrityError:
            # e.g. both records have overlapping stays: the database refuses to combine them
            raise MergeError(_("Both records have %(records)s that cannot be combined. Please "
                               "correct them first (e.g. end one of two overlapping stays).")
                             % {"records": model._meta.verbose_name_plural}) from None
        if count:
            moved[model._meta.label_lower] = count
    PersonName.objects.filter(person=remove).update(person=keep)
    PersonName.objects.create(municipality_id=keep.municipality_id, person=keep,
                              kind=PersonName.Kind.ALIAS, family_name=remove.family_name,
                              given_names=remove.given_names,
                              name_key=padded_key(f"{remove.given_names} {remove.family_name}"))
    removed_id = remove.pk
    remove.delete()
    refresh_keys(keep)
    try:  # the filled-in dates and the moved statuses must fit the kept birth date
        keep.full_clean()
    except ValidationError as exc:
        raise MergeError(" ".join(exc.messages)) from None
    keep.save()
    store_name_tokens([keep])  # the removed name is now a variant of the kept person
    refresh_person(keep, today)
    timelines.refresh_persons(keep.municipality, [keep.pk], today)
    # No names in the log (kim/core/audit/privacy.py): the removed record's id says it.
    write("update", model="people.person", object_id=keep.pk,
          municipality_id=keep.municipality_id,
          changes={"merged_from": removed_id, "moved": moved})
    return keep
