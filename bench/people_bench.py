"""Benchmark of the people module at realistic size (issue: persons, search, worklist).

    .venv/bin/python bench/people_bench.py [--persons 100000] [--database-url URL]

Creates a throw-away database (SQLite in a temp dir unless --database-url), generates N
fictitious persons in households with status histories, and reports per operation:
server time (p50/p95 over repeated requests through Django's test client, i.e. without
network), queries per request, import rate and rules evaluations per second – with the
data size and the machine. Figures are comparable between runs of the same machine.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COUNTRIES = ["SY"] * 30 + ["AF"] * 15 + ["IQ"] * 12 + ["UA"] * 12 + ["TR"] * 8 + \
    ["ER"] * 5 + ["SO"] * 4 + ["IR"] * 5 + ["AL", "RS", "XK", "GN", "NG"] * 2
STATUS_PATHS = [["gestattung"], ["gestattung", "refugee"], ["gestattung", "subsidiary"],
                ["gestattung", "duldung"], ["temporary_protection"], ["gestattung", "refugee",
                                                                       "settled"]]


def setup(database_url: str | None) -> None:
    data = tempfile.mkdtemp(prefix="kim-bench-")
    os.environ["KIM_DATA_DIR"] = data
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "kim.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def generate(municipality, n: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    from kim.people.demo.names import FAMILY, GIVEN, REGION
    from kim.people.domain.persons import refresh_keys, store_name_tokens
    from kim.people.models import Household, HouseholdMember, LegalStatus, Person

    made = 0
    while made < n:
        households, plan = [], []
        for _ in range(min(2000, n - made)):
            country = rng.choice(COUNTRIES)
            region = REGION[country]
            size = min(rng.choice([1, 1, 1, 2, 3, 4, 4, 5, 6, 7]), n - made)
            if size <= 0:
                break
            entry = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randint(0, 4000))
            family = rng.choice(FAMILY[region])
            household = Household(municipality=municipality, name=family)
            path = rng.choice(STATUS_PATHS)
            members = []
            for i in range(size):
                sex = rng.choice("mf")
                adult = i < 2
                born = entry - datetime.timedelta(days=rng.randint(19 * 365, 60 * 365)
                                                  if adult else rng.randint(0, 17 * 365))
                person = Person(municipality=municipality, family_name=family,
                                given_names=rng.choice(GIVEN[f"{region}_{sex}"]),
                                birth_date=born, sex=sex, citizenships=[country],
                                entry_date=entry,
                                asylum_application_date=entry + datetime.timedelta(days=7),
                                assignment_date=entry + datetime.timedelta(days=60),
                                external_id=f"B{made + len(members):07d}")
                refresh_keys(person)
                members.append(person)
            made += len(members)
            households.append(household)
            plan.append((household, members, path, entry))
        Household.objects.bulk_create(households)
        persons = [p for _, ms, _, _ in plan for p in ms]
        Person.objects.bulk_create(persons)
        store_name_tokens(persons, created=True)
        links, statuses = [], []
        for household, members, path, entry in plan:
            for i, person in enumerate(members):
                links.append(HouseholdMember(municipality=municipality, household=household,
                                             person=person, role="head" if i == 0 else "child",
                                             valid_from=person.assignment_date))
                day = entry + datetime.timedelta(days=7)
                for code in path:
                    statuses.append(LegalStatus(municipality=municipality, person=person,
                                                code=code, valid_from=day,
                                                document_number=f"D{person.pk:08d}"))
                    day += datetime.timedelta(days=rng.randint(200, 900))
        HouseholdMember.objects.bulk_create(links)
        LegalStatus.objects.bulk_create(statuses)


def report_split(municipality, day: datetime.date) -> None:  # type: ignore[no-untyped-def]
    """The benefit report from the stored time lines and, for comparison, from the live
    rules engine (its fallback) – one run each, outside a request."""
    from django_scopes import scope

    from kim.people.domain import benefits

    with scope(municipality=municipality):
        start = time.perf_counter()
        stored = benefits.benefit_recipient_counts(municipality, day)
        took = time.perf_counter() - start
        start = time.perf_counter()
        live = benefits.counts_live(municipality, day)
        took_live = time.perf_counter() - start
    assert stored == live
    print(f"benefit report {took * 1000:.0f} ms from the time lines, {took_live:.2f} s from "
          f"the live engine ({sum(live.values())} recipients, same figures)")


def timed(client, url: str, repeat: int) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(ctx.captured_queries)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], queries


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--database-url")
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    setup(args.database_url)

    from django.conf import settings
    from django.test import Client
    from django.utils import timezone
    from django_scopes import scope

    from kim.core.domain.municipalities import create_municipality
    from kim.core.domain.users import create_member
    from kim.people.domain import timelines
    from kim.people.domain.deadlines import refresh_municipality
    from kim.people.importers.persons import import_persons
    from kim.people.models import Deadline, Person
    from kim.rules import evaluate

    rng = random.Random(42)  # noqa: S311
    municipality = create_municipality("bench", "Benchstadt")
    from kim.core.domain.municipalities import ensure_default_roles

    roles = ensure_default_roles(municipality)
    with scope(municipality=municipality):
        user = create_member(municipality, username="bench", password="Bench-Passwort-2026!",
                             roles=[roles["caseworker"]], must_change_password=False).user
        start = time.perf_counter()
        generate(municipality, args.persons, rng)
        generated = time.perf_counter() - start
        start = time.perf_counter()
        deadlines = refresh_municipality(municipality, timezone.localdate())
        refreshed = time.perf_counter() - start
        start = time.perf_counter()
        timelines.refresh_municipality(municipality, timezone.localdate())
        lined = time.perf_counter() - start
        persons = Person.objects.count()
        sample = list(Person.objects.order_by("?").values_list(
            "pk", "given_names", "family_name", "external_id")[:args.repeat])
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"kim people benchmark – {persons} persons, {deadlines} deadlines, database {engine}")
    print(f"machine: {platform.platform()}, {os.cpu_count()} cpus, Python "
          f"{platform.python_version()}")
    print(f"generate: {generated:.1f} s; deadline refresh: {refreshed:.1f} s "
          f"({persons / refreshed:.0f} persons/s); time lines: {lined:.1f} s "
          f"({persons / lined:.0f} persons/s)")

    client = Client()
    client.force_login(user)
    rows = []
    for label, urls in (
        ("name search (variant spelling)", [f"/bench/persons/?q={g}+{f.replace('-', ' ')}"
                                            for _, g, f, _ in sample]),
        ("ID search (external ID)", [f"/bench/persons/?q={e}" for _, _, _, e in sample]),
        ("person page", [f"/bench/persons/{pk}/" for pk, _, _, _ in sample]),
        ("person list", ["/bench/persons/"] * len(sample)),
        ("deadline worklist (90 days)", ["/bench/persons/deadlines/"] * len(sample)),
        ("benefit report page", ["/bench/reports/benefit_recipients/"] * 3),
        ("housing placement report (Tab. 7)", ["/bench/reports/housing_placement/"] * 3),
    ):
        results = [timed(client, url, 1) for url in urls]
        times = sorted(r[0] for r in results)
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        rows.append((label, statistics.median(times), p95, max(r[2] for r in results)))
    for label, p50, p95, queries in rows:
        print(f"{label:34} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  queries {queries}")
    report_split(municipality, timezone.localdate())

    header = "external_id,family_name,given_names,birth_date,sex,citizenship,legal_status," \
             "legal_status_since\n"
    from kim.people.demo.names import FAMILY, GIVEN

    lines = []
    for i in range(5000):  # realistic, varied names and dates (the duplicate check depends on it)
        region, sex = rng.choice(list(FAMILY)), rng.choice("mf")
        lines.append(f"IMP{i:06d},{rng.choice(FAMILY[region])},{rng.choice(GIVEN[f'{region}_{sex}'])},"
                     f"{rng.randint(1950, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},"
                     f"{sex},SY,gestattung,2024-01-01")
    with scope(municipality=municipality):
        start = time.perf_counter()
        result = import_persons(municipality, io.BytesIO((header + "\n".join(lines)).encode()),
                                "bench.csv")
        took = time.perf_counter() - start
    assert result.ok and result.created == 5000, result.errors[:3]
    print(f"import of 5000 rows (validation, duplicate check, write): {took:.2f} s = "
          f"{5000 / took:.0f} rows/s")

    facts = [{"as_of": "2024-04-20", "person": {
        "birth_date": "1990-03-01", "citizenships": [rng.choice(COUNTRIES)],
        "entry_date": "2022-10-01", "asylum_application_date": "2022-10-05",
        "assignment_date": "2023-01-15", "statuses": [{"code": "gestattung",
                                                      "from": "2022-10-05"}]}}
             for _ in range(20000)]
    start = time.perf_counter()
    for item in facts:
        evaluate(item)
    took = time.perf_counter() - start
    print(f"rules engine: {len(facts) / took:.0f} evaluations/s (one core)")
    with scope(municipality=municipality):
        assert Deadline.objects.exists()


if __name__ == "__main__":
    main()
