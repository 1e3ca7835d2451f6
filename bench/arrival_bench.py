"""End-to-end benchmark of the accommodation pages on the demo town (issue 4 items 5–9).

    .venv/bin/python bench/arrival_bench.py [--households 50] [--persons 150] [--repeat 20]

Loads the demo dataset (soest-demo) into a throw-away SQLite database, then adds a bus:
N persons in H households assigned today, none with a place (families of 3–8, single men,
a few single women). As the demo housing officer, through Django's test client (server
time, no network):

1. the accommodation pages – facility list, occupancy board of the largest facility,
   waiting list, placements, Fehlbeleger, hints, the reports occupancy /
   refugees_over_time / housing_placement – p50/p95 and queries per request;
2. the arrival: "Vorschlag berechnen" (all bus households; needs, offers, CP-SAT,
   session), the review page, "Bestätigen" (re-check + all stays in one transaction),
   with the persons placed. Target (issue 4 item 7): 150 persons < 5 s.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def setup() -> None:
    os.environ["KIM_DATA_DIR"] = tempfile.mkdtemp(prefix="kim-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "kim.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())  # without the list of demo logins


def sizes(rng: random.Random, households: int, persons: int) -> list[int]:
    """Household sizes adding up to ``persons``: ~45 % single, the rest families of 3–8."""
    singles = round(households * 0.45)
    families = households - singles
    rest = persons - singles
    if families < 1 or not 3 * families <= rest <= 8 * families:
        raise SystemExit(f"cannot split {persons} persons into {households} households")
    result = [3] * families
    while sum(result) < rest:
        i = rng.randrange(families)
        result[i] += result[i] < 8
    return [1] * singles + result


def add_bus(municipality, rng: random.Random, households: int, persons: int) -> list[int]:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from kim.people.demo.names import FAMILY, GIVEN, REGION
    from kim.people.domain.persons import refresh_keys
    from kim.people.models import Household, HouseholdMember, LegalStatus, Person

    today = timezone.localdate()
    ids = []
    for index, size in enumerate(sizes(rng, households, persons)):
        country = rng.choice(["SY", "AF", "IQ", "ER", "TR"])
        region = REGION[country]
        family = rng.choice(FAMILY[region])
        household = Household.objects.create(municipality=municipality,
                                             name=f"{family} (Bus {index + 1})")
        for i in range(size):
            adult = i < 2 or size == 1
            sex = ("f" if index % 12 == 0 else "m") if size == 1 else ("m", "f")[i % 2]
            born = today - datetime.timedelta(days=rng.randint(19 * 365, 55 * 365) if adult
                                              else rng.randint(365, 17 * 365))
            person = Person(municipality=municipality, family_name=family,
                            given_names=rng.choice(GIVEN[f"{region}_{sex}"]), birth_date=born,
                            sex=sex, citizenships=[country], assignment_date=today,
                            entry_date=today - datetime.timedelta(days=30),
                            asylum_application_date=today - datetime.timedelta(days=25))
            refresh_keys(person)
            person.save()
            LegalStatus.objects.create(municipality=municipality, person=person,
                                       code="gestattung",
                                       valid_from=today - datetime.timedelta(days=25))
            HouseholdMember.objects.create(municipality=municipality, household=household,
                                           person=person, valid_from=today,
                                           role="head" if i == 0 else "child")
        ids.append(household.pk)
    return ids


def timed(client, method: str, url: str, data=None) -> tuple[float, int, object]:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        start = time.perf_counter()
        response = getattr(client, method)(url, data or {})
        took = (time.perf_counter() - start) * 1000
    assert response.status_code in (200, 302), (url, response.status_code)
    return took, len(ctx.captured_queries), response


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--households", type=int, default=50)
    parser.add_argument("--persons", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    start = time.perf_counter()
    setup()
    loaded = time.perf_counter() - start

    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from django.test import Client
    from django.utils import timezone
    from django_scopes import scope

    from kim.core.models import Municipality
    from kim.housing.models import Facility, Stay, WaitingListEntry
    from kim.people.models import Person

    town = Municipality.objects.get(slug="soest-demo")
    with scope(municipality=town):
        bus = add_bus(town, random.Random(args.seed), args.households, args.persons)
        persons = Person.objects.count()
        open_before = Stay.objects.filter(end=None).count()
        stays = Stay.objects.count()
        waiting = WaitingListEntry.objects.count()
        largest = (Facility.objects.annotate(n=Count("units__places"))
                   .order_by("-n").values_list("pk", flat=True)[0])
    print(f"kim accommodation benchmark – demo town soest-demo: {persons} persons, {stays} "
          f"stays ({open_before} open), {waiting} on the waiting list; loaded in {loaded:.1f} s")
    print(f"machine: {platform.platform()}, {os.cpu_count()} cpus, Python "
          f"{platform.python_version()}, SQLite")

    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    client.force_login(get_user_model().objects.get(username="unterkunft"))
    base = "/soest-demo"
    pages = [("facility list", f"{base}/housing/"),
             ("occupancy board (largest facility)", f"{base}/housing/facilities/{largest}/"),
             ("waiting list", f"{base}/housing/waiting/"),
             ("placements into flats", f"{base}/housing/waiting/placements/"),
             ("Fehlbeleger (with 12-month trend)", f"{base}/housing/fehlbeleger/"),
             ("hints (three-phase flags)", f"{base}/housing/hints/"),
             ("report occupancy", f"{base}/reports/occupancy/"),
             ("report refugees_over_time", f"{base}/reports/refugees_over_time/"),
             ("report housing_placement", f"{base}/reports/housing_placement/")]
    for label, url in pages:
        runs = [timed(client, "get", url) for _ in range(args.repeat)]
        times = sorted(r[0] for r in runs)
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        print(f"{label:36} p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  "
              f"queries {runs[-1][1]}")

    today = timezone.localdate().isoformat()
    arrival = f"{base}/housing/placement/arrival/"
    took, queries, _ = timed(client, "get", arrival, {"assigned_from": today})
    print(f"arrival page ({len(bus)} households listed){'':9} {took:7.1f} ms  queries {queries}")
    took, queries, _ = timed(client, "post", f"{arrival}?assigned_from={today}",
                             {"households": bus, "on": today})
    plan = client.session["housing_arrival"]["plan"]
    why: dict[str, int] = {}
    for item in plan["unplaced"]:
        code = item["reason"][0]
        why[code] = why.get(code, 0) + item["size"]
    print(f"compute the proposal (CP-SAT){'':14} {took:7.1f} ms  queries {queries}; "
          f"{plan['placed_persons']}/{plan['total_persons']} persons placed, {plan['status']}, "
          f"solver {plan['wall_time_s']:.2f} s; not placed (persons) by reason {why}")
    took, queries, _ = timed(client, "get", f"{arrival}review/")
    print(f"review page{'':32} {took:7.1f} ms  queries {queries}")
    took, queries, _ = timed(client, "post", f"{arrival}review/", {"action": "confirm"})
    with scope(municipality=town):
        written = Stay.objects.filter(end=None).count() - open_before
    print(f"confirm: re-check and write{'':16} {took:7.1f} ms  queries {queries}; "
          f"{written} stays written")
    assert written == plan["placed_persons"], (written, plan["placed_persons"])


if __name__ == "__main__":
    main()
