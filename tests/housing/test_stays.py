"""Move-in, move, move-out: the rules, the database guard and the person's data."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django_scopes import scope

from kim.housing.domain import stays
from kim.housing.models import Place, Stay
from kim.people.models import Deadline, Household, HouseholdMember
from tests.clock import days_ago, today
from tests.housing.factories import PersonFactory, PlaceFactory, StayFactory


@pytest.fixture
def newcomer(soest):
    with scope(municipality=soest):
        return PersonFactory(municipality=soest, family_name="Nasser", given_names="Rana")


def errors(exc):
    return {field: [str(m) for m in messages] for field, messages in exc.message_dict.items()}


def test_move_in_sets_accommodation_code_and_refreshes_deadlines(in_soest, housing, newcomer):
    Deadline.objects.create(municipality=in_soest, person=newcomer, date=today(), kind="stale")
    stay = stays.move_in(newcomer, housing["places"][1], days_ago(10), reason="arrival")
    newcomer.refresh_from_db()
    assert (stay.start, stay.end, stay.place) == (days_ago(10), None, housing["places"][1])
    assert (newcomer.accommodation_code, newcomer.accommodation_since) == ("WALD", days_ago(10))
    assert not Deadline.objects.filter(person=newcomer, kind="stale").exists()


def test_move_in_refuses_an_occupied_place_naming_it(in_soest, housing, newcomer):
    with pytest.raises(ValidationError) as info:
        stays.move_in(newcomer, housing["places"][0], today())
    assert errors(info.value) == {"place": [
        f"Waldstraße, Zimmer 1, place 1 is occupied on {today():%m/%d/%Y} or later."]}
    assert not Stay.objects.filter(person=newcomer).exists()


def test_move_in_refuses_a_blocked_place_and_a_person_with_a_stay(in_soest, housing, newcomer):
    place = housing["places"][2]
    place.blocked, place.blocked_reason = True, "Wasserschaden"
    place.save()
    with pytest.raises(ValidationError) as info:
        stays.move_in(newcomer, place, today())
    assert "Wasserschaden" in errors(info.value)["place"][0]
    with pytest.raises(ValidationError) as info:
        stays.move_in(housing["resident"], housing["places"][1], today())
    assert list(errors(info.value)) == ["person"]
    assert "Record a move or a move-out instead." in errors(info.value)["person"][0]


def test_future_dates_are_refused(in_soest, housing, newcomer):
    with pytest.raises(ValidationError) as info:
        stays.move_in(newcomer, housing["places"][1], today() + datetime.timedelta(days=1))
    assert errors(info.value) == {"start": ["The date cannot be in the future."]}


def test_unaccompanied_minor_is_blocked_in_the_domain(in_soest, housing):
    minor = PersonFactory(municipality=in_soest, unaccompanied_minor=True,
                          birth_date=today().replace(year=today().year - 16), given_names="Ali",
                          family_name="Rahimi")
    with pytest.raises(ValidationError) as info:
        stays.move_in(minor, housing["places"][1], today())
    assert errors(info.value)["person"] == [
        f"Rahimi, Ali is an unaccompanied minor (under 18 on {today():%m/%d/%Y}) and can never "
        "be placed in shared accommodation. The youth welfare office is responsible "
        "(SGB VIII)."]
    adult = PersonFactory(municipality=in_soest, unaccompanied_minor=True,
                          birth_date=datetime.date(2000, 1, 1))
    assert stays.move_in(adult, housing["places"][1], today()).pk


def mixed(unit):
    """The move mechanics, not the target group (tests/housing/test_target_group.py)."""
    unit.target_use = "mixed"
    unit.save()


def test_move_ends_and_starts_in_one_step(in_soest, housing):
    mixed(housing["flat"])
    stay = housing["stay"]
    stay.phase1_exception_reason = "Kein Platz in Phase II"
    stay.save()
    moved = stays.move(stay, housing["flat_places"][0], today(), reason="phase_change")
    stay.refresh_from_db()
    assert (stay.end, stay.move_out_reason) == (today(), "transfer")
    assert (moved.start, moved.end, moved.move_in_reason) == (today(), None, "phase_change")
    assert moved.phase1_exception_reason == ""  # Phase II: the justification is spent
    housing["resident"].refresh_from_db()
    assert housing["resident"].accommodation_code == "SUED1"
    assert housing["resident"].accommodation_since == today()


def test_move_within_the_facility_keeps_the_since_date(in_soest, housing):
    mixed(housing["room"])
    first = housing["stay"]
    stays.sync_person(housing["resident"])
    moved = stays.move(first, housing["places"][1], today(), reason="family")
    housing["resident"].refresh_from_db()
    assert housing["resident"].accommodation_since == first.start
    assert moved.place == housing["places"][1]


def test_failed_move_writes_nothing(in_soest, housing):
    stay = housing["stay"]
    with pytest.raises(ValidationError) as info:
        stays.move(stay, housing["places"][0], today(), reason="family")
    assert list(errors(info.value)) == ["place"]
    with pytest.raises(ValidationError) as info:
        stays.move(stay, housing["places"][1], stay.start, reason="family")
    assert list(errors(info.value)) == ["on"]
    stay.refresh_from_db()
    assert stay.end is None and Stay.objects.count() == 1


def test_move_out(in_soest, housing):
    stay = stays.move_out(housing["stay"], today(), reason="own_flat", note="Wohnung in Soest")
    housing["resident"].refresh_from_db()
    assert (stay.end, stay.move_out_reason, stay.note) == (today(), "own_flat", "Wohnung in Soest")
    assert (housing["resident"].accommodation_code, housing["resident"].accommodation_since) \
        == ("", None)
    with pytest.raises(ValidationError):
        stays.move_out(stay, today(), reason="own_flat")


def test_household_moves_in_together_or_not_at_all(in_soest, housing):
    household = Household.objects.create(municipality=in_soest, name="Familie Nasser")
    family = [PersonFactory(municipality=in_soest, family_name="Nasser") for _ in range(3)]
    for person, role in zip(family, ["head", "partner", "child"], strict=True):
        HouseholdMember.objects.create(municipality=in_soest, household=household,
                                       person=person, role=role, valid_from=days_ago(10))
    with pytest.raises(ValidationError) as info:  # two places left in Zimmer 1, three needed
        stays.move_in_household(family[0], housing["places"][1], today())
    assert list(errors(info.value)) == ["household"]
    assert not Stay.objects.filter(person__in=family).exists()
    room = housing["flat"]
    PlaceFactory(unit=room, label="3")
    placed = stays.move_in_household(family[0], housing["flat_places"][0], today())
    assert sorted(s.place.label for s in placed) == ["1", "2", "3"]
    assert {s.person_id for s in placed} == {p.pk for p in family}


def test_database_refuses_overlap_on_a_place(in_soest, housing, newcomer):
    """Without any check in Python: the constraint/trigger alone refuses the second stay."""
    place = housing["places"][1]
    StayFactory(place=place, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 3, 1))
    with pytest.raises(IntegrityError, match="place"), transaction.atomic():
        StayFactory(place=place, person=newcomer, start=datetime.date(2024, 2, 28))
    # Touching periods are no overlap: [Jan 1, Mar 1) and [Mar 1, …).
    assert StayFactory(place=place, person=newcomer, start=datetime.date(2024, 3, 1)).pk


def test_database_refuses_a_person_in_two_places(in_soest, housing):
    resident = housing["resident"]
    with pytest.raises(IntegrityError), transaction.atomic():
        StayFactory(place=housing["places"][1], person=resident,
                    start=datetime.date(2020, 1, 1), end=today())
    with pytest.raises(IntegrityError), transaction.atomic():
        Stay.objects.filter(pk=housing["stay"].pk).update(end=housing["stay"].start)


def test_database_refuses_overlap_on_update(in_soest, housing):
    earlier = StayFactory(place=housing["places"][1], start=datetime.date(2023, 1, 1),
                          end=datetime.date(2023, 6, 1))
    later = StayFactory(place=housing["places"][1], start=datetime.date(2023, 6, 1),
                        end=datetime.date(2023, 9, 1))
    later.start = datetime.date(2023, 5, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        later.save()
    assert earlier.pk


def test_integrity_error_becomes_a_message_naming_the_place(in_soest, housing, newcomer):
    """What a request that lost the race sees (the checks passed, the insert did not)."""
    with pytest.raises(ValidationError) as info:
        stays._insert(Stay(municipality=in_soest, place=housing["places"][0],
                           person=newcomer, start=today()))
    assert errors(info.value) == {"place": [
        "Waldstraße, Zimmer 1, place 1 has just been taken by another entry. Please choose "
        "another place."]}


def test_no_move_in_to_a_facility_not_in_use(in_soest, housing, newcomer):
    facility = housing["phase1"]
    facility.active = False
    facility.save()
    place = Place.objects.select_related("unit__facility").get(pk=housing["places"][1].pk)
    with pytest.raises(ValidationError) as info:
        stays.move_in(newcomer, place, today())
    assert errors(info.value) == {"place": ["Waldstraße is not in use."]}


def test_reasons_outside_the_choices_are_refused(in_soest, housing, newcomer):
    stay = housing["stay"]
    with pytest.raises(ValidationError) as caught:
        stays.move_out(stay, today(), reason="nonsense")
    assert errors(caught.value) == {"reason": ["Unknown reason 'nonsense'."]}
    with pytest.raises(ValidationError):
        stays.move(stay, housing["places"][1], today(), reason="bored")
    with pytest.raises(ValidationError):
        stays.move_in(newcomer, housing["places"][2], today(), reason="x")
    stay.refresh_from_db()
    assert stay.end is None and not Stay.objects.filter(person=newcomer).exists()


def test_a_move_in_before_the_birth_is_refused(in_soest, housing):
    """The stay's start becomes the person's accommodation date, which may not lie before
    the birth (plausible dates, issue 10)."""
    baby = PersonFactory(municipality=in_soest, family_name="Nasser", given_names="Lina",
                         birth_date=days_ago(10))
    before = days_ago(10) - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as info:
        stays.move_in(baby, housing["places"][1], before)
    assert errors(info.value) == {"person": [
        f"Nasser, Lina was born on {days_ago(10):%m/%d/%Y}, after {before:%m/%d/%Y}."]}
    assert stays.move_in(baby, housing["places"][1], days_ago(10)).start == days_ago(10)
