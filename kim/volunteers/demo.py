"""Demo volunteers for soest-demo (issue 14 item 7): the seven working groups of the Runder
Tisch ([Soest] 3.5), about 60 volunteers with languages, skills, districts and times,
open requests (from institutions, no household), active and earlier assignments, and an
offers directory ([Soest] 5.6). Names are generated and fictitious; deterministic
(fixed seed); idempotent (does nothing when working groups exist)."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from kim.core.models import Area, Municipality
from kim.volunteers.choices import SLOTS, OfferCategory, Skill, VolunteerRole
from kim.volunteers.models import Match, MatchHours, Offer, Request, Volunteer, WorkingGroup

GROUPS = {  # working group → the skills and roles its members typically bring
    "Bildung": ([Skill.HOMEWORK, Skill.LANGUAGE_PRACTICE], [VolunteerRole.PATE]),
    "Mobilität": ([Skill.MOBILITY, Skill.ORIENTATION], [VolunteerRole.HELPER]),
    "Sport": ([Skill.SPORT], [VolunteerRole.SPORTPATE]),
    "Kultur & Freizeit": ([Skill.LEISURE, Skill.LANGUAGE_PRACTICE], [VolunteerRole.PATE]),
    "Dolmetschen": ([Skill.INTERPRETING, Skill.AUTHORITIES], [VolunteerRole.INTERPRETER]),
    "Erstversorgung": ([Skill.AUTHORITIES, Skill.ORIENTATION, Skill.FLAT_SEARCH],
                       [VolunteerRole.LOTSE]),
    "Kleiderkammer": ([Skill.CLOTHING], [VolunteerRole.HELPER]),
}
DISTRICTS = ["Soest-Mitte", "Soest-Süd", "Soest-Ost", "Soest-West", "Soest-Nord"]
FIRST = ["Anna", "Bernd", "Claudia", "Dieter", "Elke", "Frank", "Gisela", "Heinz", "Ines",
         "Jürgen", "Karin", "Lothar", "Monika", "Norbert", "Petra", "Rainer", "Sabine",
         "Thomas", "Ursula", "Volker", "Walter", "Yasemin", "Leyla", "Samir", "Nour"]
LAST = ["Albers", "Brinkmann", "Dreier", "Eickhoff", "Fromme", "Grewe", "Hollenbeck",
        "Kemper", "Lütke", "Menke", "Nölle", "Ostermann", "Pieper", "Risse", "Schulte",
        "Tigges", "Vollmer", "Wiemer"]
EXTRA_LANGUAGES = ["en", "fr", "ar", "fa", "tr", "ru", "ku", "ti"]
REQUESTS = [  # (skill, language, district, children, description)
    (Skill.HOMEWORK, "ar", "Soest-Süd", True, "Hausaufgabenhilfe für zwei Grundschulkinder"),
    (Skill.AUTHORITIES, "fa", "Soest-Ost", False, "Begleitung zur Ausländerbehörde"),
    (Skill.LANGUAGE_PRACTICE, "", "Soest-West", False, "Deutsch üben im Alltag"),
    (Skill.SPORT, "", "", True, "Jugendlicher sucht einen Fußballverein"),
    (Skill.INTERPRETING, "ti", "", False, "Dolmetschen beim Elterngespräch"),
    (Skill.MOBILITY, "", "Soest-Nord", False, "Fahrradfahren lernen"),
    (Skill.FLAT_SEARCH, "ar", "", False, "Unterstützung bei der Wohnungssuche"),
    (Skill.HOMEWORK, "", "Soest-Mitte", True, "Lernhilfe Mathematik, 8. Klasse"),
    (Skill.ORIENTATION, "ru", "Soest-Mitte", False, "Erste Orientierung in der Stadt"),
    (Skill.JOB_SEARCH, "", "", False, "Bewerbungsunterlagen erstellen"),
]
OFFERS = [  # (name, category, provider, languages, district, times, cost)
    ("Fußball für alle", OfferCategory.SPORT, "SV Soest 1920 (Demo)", ["de", "ar"],
     "Soest-Süd", "dienstags 17–19 Uhr", "kostenlos"),
    ("Schwimmkurs für Frauen", OfferCategory.SPORT, "Schwimmverein Soest (Demo)",
     ["de", "fa"], "Soest-Mitte", "samstags 10–11 Uhr", "5 € im Monat"),
    ("Sprachcafé", OfferCategory.LANGUAGE, "Runder Tisch Flüchtlinge (Demo)", ["de", "en"],
     "Soest-Mitte", "mittwochs 16–18 Uhr", "kostenlos"),
    ("Syrischer Kulturverein", OfferCategory.MIGRANT_ORGANISATION,
     "Syrischer Kulturverein Soest (Demo)", ["ar", "de"], "Soest-West",
     "nach Absprache", "kostenlos"),
    ("Offener Treff der Gemeinde", OfferCategory.RELIGIOUS, "Ev. Kirchengemeinde (Demo)",
     ["de"], "Soest-Nord", "donnerstags 15–17 Uhr", "kostenlos"),
    ("Kleiderkammer", OfferCategory.CLOTHING, "Runder Tisch Flüchtlinge (Demo)", ["de"],
     "Soest-Ost", "montags und freitags 10–12 Uhr", "kostenlos"),
    ("Kinderturnen", OfferCategory.CHILDREN, "TV Soest (Demo)", ["de"], "",
     "freitags 15–16 Uhr", "kostenlos im ersten Jahr"),
    ("Nähwerkstatt", OfferCategory.CULTURE, "Familienzentrum (Demo)", ["de", "tr"],
     "Soest-Süd", "dienstags 9–11 Uhr", "kostenlos"),
]


def load(municipality: Municipality) -> None:
    with scope(municipality=municipality), transaction.atomic():
        if WorkingGroup.objects.exists():
            return
        _load(municipality, random.Random(14), timezone.localdate())  # noqa: S311  (demo data)


def _area(municipality: Municipality, name: str) -> Area | None:
    if not name:
        return None
    return Area.objects.get_or_create(municipality=municipality, name=name,
                                      level=Area.Level.DISTRICT)[0]


def _load(m: Municipality, rng: random.Random, today: datetime.date) -> None:
    groups = {name: WorkingGroup.objects.create(municipality=m, name=name) for name in GROUPS}
    areas = {name: _area(m, name) for name in DISTRICTS}
    volunteers = []
    for i in range(63):
        group = list(GROUPS)[i % len(GROUPS)]
        skills, roles = GROUPS[group]
        languages = {"de": "native"}
        for code in rng.sample(EXTRA_LANGUAGES, rng.choice([0, 1, 1, 2])):
            languages[code] = rng.choice(["A2", "B1", "B2", "C1", "native"])
        joined = today - datetime.timedelta(days=rng.randint(60, 1500))
        v = Volunteer.objects.create(
            municipality=m, first_name=FIRST[i % len(FIRST)],
            family_name=LAST[(i * 7) % len(LAST)],
            email=f"ehrenamt{i + 1}@example.org", phone=f"02921 555{i:03d}",
            languages=languages, skills=[s.value for s in skills],
            roles=[r.value for r in roles], any_district=i % 4 == 0,
            slots=rng.sample(SLOTS, rng.randint(3, 8)), capacity=rng.choice([1, 1, 2, 3]),
            certificate_seen_on=(today - datetime.timedelta(days=rng.randint(30, 1900))
                                 if i % 3 else None),
            consent_on=joined, consent_scope="Kontaktdaten, Sprachen und Zeiten für die "
                                             "Vermittlung von Einsätzen",
            joined_on=joined)
        if not v.any_district:
            v.districts.set(rng.sample([a for a in areas.values() if a], 2))
        v.working_groups.add(groups[group])
        if i % 5 == 0:
            v.working_groups.add(groups[list(GROUPS)[(i + 3) % len(GROUPS)]])
        volunteers.append(v)
    # Running assignments: requests served by a volunteer of a matching group.
    for i, v in enumerate(volunteers[:18]):
        started = today - datetime.timedelta(days=20 + 9 * i)
        request = Request.objects.create(
            municipality=m, skill=v.skills[0], district=None, slots=v.slots[:2],
            description="Begleitung im Alltag (Demo)", created_on=started
            - datetime.timedelta(days=14), status=Request.Status.MATCHED)
        match = Match.objects.create(
            municipality=m, request=request, volunteer=v, state=Match.State.ACTIVE,
            proposed_on=started - datetime.timedelta(days=10),
            agreed_on=started - datetime.timedelta(days=5), started_on=started)
        MatchHours.objects.create(municipality=m, match=match, month=today.replace(day=1),
                                  hours=Decimal(rng.randint(2, 16)))
    # Open requests, some waiting for weeks.
    for i, (skill, language, district, children, text) in enumerate(REQUESTS):
        Request.objects.create(
            municipality=m, skill=skill, language=language, district=areas.get(district),
            involves_children=children, slots=rng.sample(SLOTS, 4), description=text,
            created_on=today - datetime.timedelta(days=3 + 4 * i))
    for name, category, provider, languages, district, times, cost in OFFERS:
        Offer.objects.create(municipality=m, name=name, category=category, provider=provider,
                             languages=languages, district=areas.get(district) if district
                             else None, times=times, cost=cost,
                             contact="info@example.org")
