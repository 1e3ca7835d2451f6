"""The education part of the soest-demo dataset (product.md §8), generated
deterministically from the persons and stays the people and housing loaders created.

- The four integration-course providers of [Soest] 5.1 (Kolping, ESTA with an Alpha
  course from 2018, SEN and VHS from mid-2018) with courses 2017–2026; the demo provider
  login ``traeger`` works for Kolping and sees only the persons referred to its courses.
- Kitas and the 16 municipal schools of [Soest] Tab. 5, with districts and Tab. 5's
  figures of 2018/19 (classes, pupils, foreign pupils, joint teaching), and two vocational
  colleges with international classes; refugee pupils never outnumber a school's foreign
  pupils.
- Tab. 4 exactly on 30.06.2018: U3 10 in a Kita and 19 at home, Ü3 25 in a Kita and 9
  at home.
- Tab. 6 column totals exactly on 30.09.2018: 122 persons of 18–62, vocational college
  12, language course 50, employed 33, no measure / waiting list 27.
  Both tables count persons in municipal accommodation; the demo's households there hold
  too few small children and young adults, so the records go to the persons in
  accommodation first and then to other residents of the town (``pool``). The published
  cells add up to 13 for the vocational college and the published row totals
  (35, 36, 23, 9, 4 = 107) to neither 122 nor the cells; the demo keeps the column
  totals and the published cells, except one vocational-college pupil fewer aged
  18–25 (10 instead of 11) – so its row totals are the sums of its cells.
- Education cards for the persons in a language course (referrals, enrolments, an
  assessment), and the AGH work opportunities of the municipality.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_scopes import scope

from kim.core.models import Area, Membership, Municipality, Organisation
from kim.education.models import (
    Assessment,
    ChildcareRecord,
    Course,
    EmploymentRecord,
    Measure,
    MeasurePlacement,
    Referral,
    SchoolRecord,
    SchoolStatistic,
)
from kim.housing.models import Stay
from kim.people.models import Person

D = datetime.date
SEED = 2018_0511
TAB4_DAY = D(2018, 6, 30)
TAB6_DAY = D(2018, 9, 30)
# (situation, U3, Ü3)
TAB4 = [("kita", 10, 25), ("home", 19, 9)]
# age group -> vocational college, language course, employed, none (see the docstring)
TAB6 = {(18, 25): (10, 17, 12, 7), (26, 35): (1, 17, 12, 7), (36, 45): (1, 7, 7, 6),
        (46, 55): (0, 7, 1, 6), (56, 62): (0, 2, 1, 1)}
ACTIVITIES = ("vocational_college", "language_course", "employed", "none")

PROVIDERS = [  # name, district, phone – contact data invented
    ("Kolping-Bildungswerk Soest", "Soest-Mitte", "02921 000101"),
    ("ESTA-Bildungswerk Soest", "Soest-Süd", "02921 000102"),
    ("Soester EntwicklungsNetz (SEN) e.V.", "Soest-Mitte", "02921 000103"),
    ("Volkshochschule Soest", "Soest-Mitte", "02921 000104"),
]
KITAS = [("Ev. Kindergarten Sonnenkamp", "Soest-Süd"), ("Kita Regenbogen", "Soest-Süd"),
         ("Städtische Kita Wiesenstraße", "Soest-Mitte"),
         ("Familienzentrum Am Soestbach", "Soest-Nord"), ("Kita St. Patrokli", "Soest-Mitte")]
# [Soest] Tab. 5 (school year 2018/19): name, district, classes, pupils, foreign pupils,
# pupils in joint teaching (GU), school stage (primary / secondary). Gymnasiums and the
# comprehensive school: classes of Sek. I, pupils of Sek. I and II together ("gesamt").
TAB5 = [
    ("Bruno-Grundschule", "Soest-Mitte", 8, 179, 8, 4, "primary"),
    ("Hellweg-Grundschule", "Soest-Süd", 8, 189, 6, 1, "primary"),
    ("Johannes-Grundschule", "Soest-Süd", 10, 232, 39, 10, "primary"),
    ("Patrokli-Grundschule", "Soest-Mitte", 9, 205, 4, 2, "primary"),
    ("Petri-Grundschule", "Soest-Mitte", 11, 265, 20, 6, "primary"),
    ("Wiese-Grundschule", "Soest-Nord", 11, 243, 18, 4, "primary"),
    ("Georg-Grundschule", "Soest-West", 8, 195, 7, 4, "primary"),
    ("Astrid-Lindgren-Grundschule", "Soest-Süd", 8, 157, 69, 21, "primary"),
    ("Pauli-Hauptschule", "Soest-Mitte", 7, 147, 41, 14, "secondary"),
    ("Hansa-Realschule", "Soest-Mitte", 5, 127, 8, 0, "secondary"),
    ("Christian-Rohlfs-Realschule", "Soest-West", 22, 576, 24, 15, "secondary"),
    ("Aldegrever-Gymnasium", "Soest-Mitte", 16, 648, 18, 8, "secondary"),
    ("Conrad-von-Soest-Gymnasium", "Soest-Mitte", 20, 867, 17, 1, "secondary"),
    ("Archigymnasium", "Soest-Mitte", 18, 801, 12, 1, "secondary"),
    ("Hannah-Arendt-Gesamtschule", "Soest-Süd", 24, 892, 46, 43, "secondary"),
    ("Sekundarschule Soest", "Soest-Nord", 16, 403, 28, 31, "secondary"),
]
TAB5_YEAR = D(2018, 8, 1)
SCHOOLS = [(name, district) for name, district, *_figures in TAB5]
# the international classes for 16–17-year-olds ([Soest] 5.3; not among Tab. 5's schools)
COLLEGES = [("Hubertus-Schwartz-Berufskolleg", "Soest-Mitte"),
            ("Börde-Berufskolleg", "Soest-Süd")]
# provider index, title, kind, level, first year, courses per year, seats, childcare
COURSE_LINES = [
    (0, "Integrationskurs", "integration", "B1", 2017, 3, 20, False),
    (0, "Berufssprachkurs", "job_language", "B2", 2019, 1, 18, False),
    (1, "Integrationskurs", "integration", "B1", 2017, 2, 20, False),
    (1, "Alpha-Integrationskurs", "alpha", "A2", 2018, 1, 15, True),
    (2, "Frauenintegrationskurs", "women", "B1", 2018, 1, 16, True),
    (3, "Integrationskurs", "integration", "B1", 2018, 2, 20, False),
    (3, "Deutsch im Alltag (niedrigschwellig)", "low_threshold", "A1", 2017, 1, 12, True),
]


def _area(municipality: Municipality, name: str) -> Area:
    area, _created = Area.objects.get_or_create(municipality=municipality, name=name,
                                                level=Area.Level.DISTRICT)
    return area


def _organisations(municipality: Municipality, rows: Iterable[tuple[str, ...]], kind: str
                   ) -> list[Organisation]:
    result = []
    for name, district, *phone in rows:
        org, _created = Organisation.objects.get_or_create(
            municipality=municipality, name=name,
            defaults={"kinds": [kind], "area": _area(municipality, district),
                      "city": "Soest", "phone": phone[0] if phone else ""})
        result.append(org)
    return result


def _courses(municipality: Municipality, providers: list[Organisation]) -> list[Course]:
    courses = []
    for index, title, kind, level, first, per_year, seats, care in COURSE_LINES:
        provider = providers[index]
        for year in range(first, 2027):
            for n in range(per_year):
                start = D(year, 1 + n * (12 // per_year), 8)
                if index in (2, 3) and year == 2018 and start < D(2018, 7, 1):
                    start = D(2018, 7, 2 + n)  # SEN and VHS from mid-2018 ([Soest] 5.1)
                end = start + datetime.timedelta(days=7 * 26 if kind != "low_threshold"
                                                 else 7 * 12)
                status = ("finished" if end < D(2026, 1, 1) else
                          "running" if start < D(2026, 3, 1) else "open")
                courses.append(Course(
                    municipality=municipality, provider=provider,
                    title=f"{title} {start:%m/%Y}", kind=kind, level=level, start=start,
                    end=end, schedule="Mo–Fr 8:30–12:45" if kind != "low_threshold"
                    else "Di und Do 15:00–17:00", place=provider.name, area=provider.area,
                    seats=seats, childcare=care, status=status,
                    admission="anyone" if kind == "low_threshold" else "admissible"))
    return Course.objects.bulk_create(courses)


def residents(municipality: Municipality, day: D) -> list[Person]:
    """Persons living in municipal accommodation on ``day`` (an open stay), by id."""
    ids = Stay.objects.filter(municipality=municipality, start__lte=day).filter(
        Q(end__isnull=True) | Q(end__gt=day)).values("person_id")
    return list(Person.objects.filter(pk__in=ids).filter(
        Q(moved_away_date__isnull=True) | Q(moved_away_date__gt=day)).order_by("pk"))


def pool(municipality: Municipality, day: D) -> list[Person]:
    """Residents in municipal accommodation on ``day`` first, then the other persons
    living in the town (assigned, not moved away): the demo's households in accommodation
    hold too few young children and young adults for Tab. 4 and Tab. 6 alone."""
    housed = residents(municipality, day)
    seen = {p.pk for p in housed}
    others = Person.objects.filter(municipality=municipality, assignment_date__lte=day
                                   ).filter(Q(moved_away_date__isnull=True)
                                            | Q(moved_away_date__gt=day)).order_by("pk")
    return housed + [p for p in others if p.pk not in seen]


def _age(person: Person, day: D) -> int:
    b = person.birth_date
    return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


def _since(person: Person, day: D) -> D:
    return max(person.birth_date, person.assignment_date or day, D(2017, 1, 1))


def _childcare(municipality: Municipality, kitas: list[Organisation],
               rng: random.Random) -> None:
    living = pool(municipality, TAB4_DAY)
    groups = {"u3": [p for p in living if 0 <= _age(p, TAB4_DAY) < 3],
              "ue3": [p for p in living if 3 <= _age(p, TAB4_DAY) < 6]}
    need = {"u3": sum(r[1] for r in TAB4), "ue3": sum(r[2] for r in TAB4)}
    for group, children in groups.items():
        if len(children) < need[group]:
            raise RuntimeError(f"Demo: {len(children)} {group} children in accommodation on "
                               f"{TAB4_DAY}, Tab. 4 needs {need[group]}")
    records = []
    for situation, u3, ue3 in TAB4:
        for group, n in (("u3", u3), ("ue3", ue3)):
            for child in [groups[group].pop(0) for _ in range(n)]:
                since = min(_since(child, TAB4_DAY), TAB4_DAY)
                records.append(ChildcareRecord(
                    municipality=municipality, person=child, valid_from=since,
                    kind=situation, institution=rng.choice(kitas) if situation == "kita"
                    else None))
    ChildcareRecord.objects.bulk_create(records)


def _employment(municipality: Municipality, rng: random.Random) -> list[Person]:
    living = pool(municipality, TAB6_DAY)
    records, learners = [], []
    for (low, high), cells in TAB6.items():
        group = [p for p in living if low <= _age(p, TAB6_DAY) <= high][:sum(cells)]
        if len(group) < sum(cells):
            raise RuntimeError(f"Demo: {len(group)} persons aged {low}-{high} on "
                               f"{TAB6_DAY}, Tab. 6 needs {sum(cells)}")
        rng.shuffle(group)
        for activity, n in zip(ACTIVITIES, cells, strict=True):
            for person in [group.pop() for _ in range(n)]:
                since = min(_since(person, TAB6_DAY) + datetime.timedelta(days=60), TAB6_DAY)
                hindrance = rng.choice(["childcare", "childcare", "health", ""]) \
                    if activity == "none" else ""
                records.append(EmploymentRecord(municipality=municipality, person=person,
                                                valid_from=since, activity=activity,
                                                hindrance=hindrance))
                if activity == "language_course":
                    learners.append(person)
    EmploymentRecord.objects.bulk_create(records)
    return learners


def _cards(municipality: Municipality, learners: list[Person], courses: list[Course],
           providers: list[Organisation], rng: random.Random) -> None:
    """The language-course learners of Tab. 6 get an assessment, a referral and an
    enrolment in an integration course running on 30.09.2018."""
    running = [c for c in courses if c.kind in ("integration", "alpha", "women")
               and c.start <= TAB6_DAY <= (c.end or TAB6_DAY)]
    seats: dict[int, int] = {}
    referrals, assessments = [], []
    for person in learners:
        course = next((c for c in rng.sample(running, len(running))
                       if seats.get(c.pk, 0) < c.seats), None)
        if course is None:
            break
        seats[course.pk] = seats.get(course.pk, 0) + 1
        referred = course.start - datetime.timedelta(days=rng.randint(14, 60))
        referrals.append(Referral(municipality=municipality, person=person, course=course,
                                  referred_on=referred, start=course.start, end=course.end,
                                  seat=seats[course.pk]))
        level = rng.choice(["below_a1", "A1", "A1", "A2"])
        assessments.append(Assessment(
            municipality=municipality, person=person, provider=course.provider,
            assessed_on=referred - datetime.timedelta(days=7), assessor="Frau Demo",
            listening=level, reading=level, writing=level, speaking=level,
            recommended_kind=course.kind))
    Referral.objects.bulk_create(referrals)
    Assessment.objects.bulk_create(assessments)
    # a few persons of today referred to Kolping's current course and waiting
    kolping_now = [c for c in courses if c.provider_id == providers[0].pk
                   and c.status in ("running", "open")]
    today_living = residents(municipality, D(2026, 1, 15))[:6]
    if kolping_now:
        Referral.objects.bulk_create([
            Referral(municipality=municipality, person=p, course=kolping_now[-1],
                     referred_on=D(2026, 1, 20)) for p in today_living])


def _current_enrolments(municipality: Municipality, courses: list[Course],
                        rng: random.Random) -> None:
    """Courses running today are about two thirds full with adults living here today who
    had no course yet (the courses are dated relative to the demo; today is today)."""
    today = timezone.localdate()
    running = [c for c in courses if c.kind in ("integration", "alpha", "women")
               and c.start <= today <= (c.end or today)]
    taken = set(Referral.objects.filter(municipality=municipality)
                .values_list("person_id", flat=True))
    adults = [p for p in pool(municipality, today)
              if p.pk not in taken and 18 <= _age(p, today) <= 62]
    rng.shuffle(adults)
    referrals, assessments = [], []
    for course in running:
        for seat in range(1, course.seats * 2 // 3 + 1):
            if not adults:
                break
            person = adults.pop()
            referred = course.start - datetime.timedelta(days=rng.randint(14, 45))
            referrals.append(Referral(municipality=municipality, person=person,
                                      course=course, referred_on=referred,
                                      start=course.start, end=course.end, seat=seat))
            level = rng.choice(["below_a1", "A1", "A1", "A2", "B1"])
            assessments.append(Assessment(
                municipality=municipality, person=person, provider=course.provider,
                assessed_on=referred - datetime.timedelta(days=7), assessor="Frau Demo",
                listening=level, reading=level, writing=level, speaking=level,
                recommended_kind=course.kind))
    Referral.objects.bulk_create(referrals)
    Assessment.objects.bulk_create(assessments)


def _measures(municipality: Municipality, rng: random.Random) -> None:
    town = Organisation.objects.filter(municipality=municipality, name="Stadt Soest").first()
    if town is None:
        town = Organisation.objects.create(municipality=municipality, name="Stadt Soest",
                                           kinds=["municipal_unit"], city="Soest")
    sen = Organisation.objects.get(municipality=municipality, name=PROVIDERS[2][0])
    rows = [("AGH Grünflächenpflege", "agh", True, 8), ("AGH Kleiderkammer", "agh", True, 6),
            ("AGH Fahrradwerkstatt", "agh", False, 5),
            ("Anerkennungsberatung SEN", "recognition", False, 20)]
    measures = [Measure.objects.create(municipality=municipality,
                                       organisation=sen if kind == "recognition" else town,
                                       title=title, kind=kind, internal=internal,
                                       places=places, start=D(2017, 1, 1))
                for title, kind, internal, places in rows]
    living = residents(municipality, D(2025, 11, 1))
    rng.shuffle(living)
    adults = [p for p in living if 18 <= _age(p, D(2025, 11, 1)) <= 62][:12]
    for person, measure in zip(adults, measures[:3] * 4, strict=False):
        MeasurePlacement.objects.create(municipality=municipality, measure=measure,
                                        person=person, start=D(2025, 11, 1),
                                        end=D(2026, 4, 30))


def load(municipality: Municipality) -> None:
    with scope(municipality=municipality), transaction.atomic():
        if Course.objects.filter(municipality=municipality).exists():
            return
        rng = random.Random(SEED)  # noqa: S311  (demo data, not security)
        providers = _organisations(municipality, PROVIDERS, "provider")
        kitas = _organisations(municipality, KITAS, "kita")
        schools = _organisations(municipality, SCHOOLS, "school")
        colleges = _organisations(municipality, COLLEGES, "school")
        courses = _courses(municipality, providers)
        _childcare(municipality, kitas, rng)
        learners = _employment(municipality, rng)
        _cards(municipality, learners, courses, providers, rng)
        _current_enrolments(municipality, courses, rng)
        _schooling(municipality, schools, colleges)
        _schooling_today(municipality, schools, colleges)
        _measures(municipality, rng)
        Membership.objects.filter(municipality=municipality, user__username="traeger"
                                  ).update(organisation=providers[0])


def _schooling(municipality: Municipality, schools: list[Organisation],
               colleges: list[Organisation]) -> None:
    """Tab. 5's figures of 2018/19 for the 16 schools, and the children of school age in
    accommodation at the start of that school year: 6–9 in a primary school, 10–15 in a
    secondary school, 16–17 in a vocational college's international class. A school gets
    refugee pupils in proportion to its foreign pupils and never more than those (Tab. 5
    counts refugees among the foreign pupils); the Pauli-Hauptschule teaches them in its
    support class ("Förderklasse"), lateral entrants from grade 5 had the KI's first
    assessment."""
    SchoolStatistic.objects.bulk_create(
        SchoolStatistic(municipality=municipality, school=school, school_year=TAB5_YEAR,
                        classes=classes, pupils=pupils, foreign_pupils=foreign,
                        joint_teaching=joint)
        for school, (_name, _district, classes, pupils, foreign, joint, _stage)
        in zip(schools, TAB5, strict=True))
    rng = random.Random(SEED + 5)  # noqa: S311  (its own stream: the other data stay)
    day = D(2018, 9, 1)
    room = {school.pk: row[4] for school, row in zip(schools, TAB5, strict=True)}
    stage = {school.pk: row[6] for school, row in zip(schools, TAB5, strict=True)}
    records = []
    for child in residents(municipality, day):
        age = _age(child, day)
        if not 6 <= age <= 17:
            continue
        since = max(_since(child, day), D(2017, 8, 1))
        if age >= 16:
            records.append(SchoolRecord(municipality=municipality, person=child,
                                        valid_from=since, school=rng.choice(colleges),
                                        class_type="international"))
            continue
        wanted = "primary" if age < 10 else "secondary"
        free = [s for s in schools if stage[s.pk] == wanted and room[s.pk] > 0]
        if not free:
            continue
        school = rng.choices(free, weights=[room[s.pk] for s in free])[0]
        room[school.pk] -= 1
        grade = min(age - 5, 10)
        kind = ("lateral" if school.name == "Pauli-Hauptschule"
                else rng.choice(["lateral", "lateral", "regular"]))
        assessed = since - datetime.timedelta(days=14) if kind == "lateral" and grade >= 5 \
            else None
        records.append(SchoolRecord(municipality=municipality, person=child,
                                    valid_from=since, school=school, class_type=kind,
                                    grade=grade, first_assessment_on=assessed))
    SchoolRecord.objects.bulk_create(records)


NEW_ARRIVALS = 28  # days: children who came since then still wait for the school office


def _schooling_today(municipality: Municipality, schools: list[Organisation],
                     colleges: list[Organisation]) -> None:
    """This school year's places (from 1 August, or arrival): every child of school age
    living here has a school, except those who arrived in the last four weeks – they are
    the school worklist's work today, as in a real office. Tab. 5 (2018/19) stays as it
    is: these records begin in the current school year."""
    rng = random.Random(SEED + 6)  # noqa: S311  (its own stream: the other data stay)
    today = timezone.localdate()
    year_start = D(today.year if today.month >= 8 else today.year - 1, 8, 1)
    recent = today - datetime.timedelta(days=NEW_ARRIVALS)
    stage = {school.pk: row[6] for school, row in zip(schools, TAB5, strict=True)}
    records = []
    for child in pool(municipality, today):
        age = _age(child, today)
        arrived = child.assignment_date or child.entry_date
        if not 6 <= age <= 17 or arrived is None or arrived > recent:
            continue
        since = max(arrived, year_start)
        if age >= 16:
            records.append(SchoolRecord(municipality=municipality, person=child,
                                        valid_from=since, school=rng.choice(colleges),
                                        class_type="international"))
            continue
        wanted = "primary" if age < 10 else "secondary"
        school = rng.choice([s for s in schools if stage[s.pk] == wanted])
        grade = min(age - 5, 10)
        lateral = (today - arrived).days < 2 * 365
        records.append(SchoolRecord(
            municipality=municipality, person=child, valid_from=since, school=school,
            class_type="lateral" if lateral else "regular", grade=grade,
            first_assessment_on=arrived + datetime.timedelta(days=14)
            if lateral and grade >= 5 else None))
    SchoolRecord.objects.bulk_create(records)
