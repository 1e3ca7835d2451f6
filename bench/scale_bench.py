"""Many municipalities on one PostgreSQL (issue 17 item 6), measured.

    .venv/bin/python bench/scale_bench.py --database-url postgres://… \
        [--municipalities 400] [--persons 2000000] [--largest 100000] [--segments 5]
        [--repeat 40] [--reuse] [--no-reports]

Generates fictitious data with COPY straight into the tables (persons, two statuses
each, households, facilities with stays for a quarter of the persons, ``--segments``
legal time-line rows per person – 10 million at the full size), then reports, for the
smallest and the largest municipality: server time p50/p95 and queries per request of
the API list endpoints and the busiest pages (Django's test client, no network), the
plan of the top queries (``EXPLAIN``: the index they start from), and the database size
per 100 000 persons – with the data size and the machine. Every registered report is
timed for the largest town (JSON through ``kim report``) after its time lines are
computed, as after the nightly refresh. ``--reuse`` measures again on the database of an
earlier run (same sizes) without generating.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
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

COUNTRIES = ["SY", "AF", "IQ", "UA", "TR", "ER", "SO", "IR", "GN", "NG"]
NOW = datetime.datetime(2026, 11, 1, 12, 0, tzinfo=datetime.UTC)


def setup(database_url: str) -> None:
    os.environ["KIM_DATA_DIR"] = tempfile.mkdtemp(prefix="kim-scale-")
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "kim.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def sizes(municipalities: int, persons: int, largest: int) -> list[int]:
    """Town sizes: one of ``largest``, the rest a long tail summing to ``persons``."""
    rest = max(persons - largest, 0)
    weights = [1 / (i + 2) for i in range(municipalities - 1)]
    total = sum(weights)
    out = [largest] + [max(50, int(rest * w / total)) for w in weights]
    return out


class Copier:
    """COPY rows into a model's table; ids are assigned here, sequences reset at the end."""

    def __init__(self, cursor) -> None:  # type: ignore[no-untyped-def]
        self.cursor = cursor
        self.next_id: dict[str, int] = {}

    def ids(self, table: str, n: int) -> range:
        start = self.next_id.get(table, 1)
        self.next_id[table] = start + n
        return range(start, start + n)

    def copy(self, table: str, columns: list[str], rows: list[tuple]) -> None:  # type: ignore[type-arg]
        buf = io.StringIO()
        for row in rows:
            buf.write("\t".join("\\N" if v is None else str(v) for v in row) + "\n")
        with self.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            copy.write(buf.getvalue())

    def reset_sequences(self) -> None:
        for table, nxt in self.next_id.items():
            self.cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                f"{nxt})")


PERSON_COLS = ["id", "municipality_id", "external_id", "family_name", "given_names",
               "birth_date", "birth_date_precision", "sex", "citizenships", "phone", "email",
               "street", "postal_code", "entry_date", "asylum_application_date",
               "assignment_date", "lives_in_reception_centre", "unaccompanied_minor",
               "residence_obligation_exception", "activity", "childcare",
               "accommodation_code", "name_key", "created_at", "updated_at"]
SEGMENT_COLS = ["municipality_id", "person_id", "valid_from", "valid_to", "year", "resident",
                "home", "status", "regime", "office", "course", "employment", "childcare",
                "schooling", "housing"]


def generate_town(cp: Copier, town_id: int, n: int, segments: int,
                  rng: random.Random) -> None:
    from kim.people.demo.names import FAMILY, GIVEN, REGION

    person_ids = cp.ids("people_person", n)
    persons, statuses, members, stays, segs = [], [], [], [], []
    household_ids = cp.ids("people_household", n // 3 + 1)
    households = [(h, town_id, "", f"H{h}", NOW.isoformat()) for h in household_ids]
    places = n // 4 + 1  # one open stay per place
    facility = cp.ids("housing_facility", 1)[0]
    units = cp.ids("housing_unit", places // 10 + 1)
    place_ids = cp.ids("housing_place", places)
    for pid in person_ids:
        country = rng.choice(COUNTRIES)
        region = REGION[country]
        sex = rng.choice("mf")
        family = rng.choice(FAMILY[region])
        given = rng.choice(GIVEN[f"{region}_{sex}"])
        entry = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randint(0, 3900))
        born = entry - datetime.timedelta(days=rng.randint(0, 60 * 365))
        persons.append((pid, town_id, f"E{pid}", family, given, born, "day", sex,
                        json.dumps([country]), "", "", "", "", entry,
                        entry + datetime.timedelta(days=7),
                        entry + datetime.timedelta(days=60), "f", "f", "f", "", "", "",
                        f"{family} {given}".lower(), NOW.isoformat(), NOW.isoformat()))
        statuses.append((town_id, pid, "gestattung", entry + datetime.timedelta(days=7)))
        statuses.append((town_id, pid, "refugee", entry + datetime.timedelta(days=300)))
        hh = household_ids[(pid - person_ids[0]) // 3]
        members.append((town_id, hh, pid, "head" if (pid - person_ids[0]) % 3 == 0
                        else "child", entry))
        if pid % 4 == 0:
            stays.append((town_id, place_ids[len(stays)], pid,
                          entry + datetime.timedelta(days=60)))
        start = entry + datetime.timedelta(days=7)
        for k in range(segments):
            end = start + datetime.timedelta(days=rng.randint(60, 400))
            segs.append((town_id, pid, start, end, start.year, "t", hh,
                         "refugee" if k else "gestattung", "sgb2" if k else "asylblg",
                         "jobcenter" if k else "municipality", "", "", "", "", "private"))
            start = end
    cp.copy("people_person", PERSON_COLS, persons)
    cp.copy("people_household", ["id", "municipality_id", "reference", "name", "created_at"],
            households)
    cp.copy("people_householdmember",
            ["municipality_id", "household_id", "person_id", "role", "valid_from"], members)
    cp.copy("people_legalstatus", ["municipality_id", "person_id", "code", "valid_from",
                                   "permit_paragraph", "document_number", "note"],
            [(*s, "", "", "") for s in statuses])
    cp.copy("housing_facility", ["id", "municipality_id", "code", "name", "kind", "address",
                                 "target_use", "accessible", "active", "note"],
            [(facility, town_id, f"F{facility}", f"Unterkunft {facility}", "phase1", "",
              "any", "f", "t", "")])
    cp.copy("housing_unit", ["id", "municipality_id", "facility_id", "name", "target_use",
                             "accessible", "floor"],
            [(u, town_id, facility, f"R{u}", "any", "f", "") for u in units])
    cp.copy("housing_place", ["id", "municipality_id", "unit_id", "label", "blocked",
                              "blocked_reason"],
            [(p, town_id, units[i // 10], f"P{p}", "f", "") for i, p in enumerate(place_ids)])
    cp.copy("housing_stay", ["municipality_id", "place_id", "person_id", "start",
                             "move_in_reason", "move_out_reason", "note",
                             "phase1_exception_reason"],
            [(*s, "assignment", "", "", "") for s in stays])
    cp.copy("people_decisionsegment", SEGMENT_COLS, segs)


def timed(client, url: str, repeat: int, headers=None) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, headers=headers or {})  # warm
    times = []
    queries = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url, headers=headers or {})
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(ctx.captured_queries)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], queries


def reports_of(town, persons: int, runs: int = 3,  # type: ignore[no-untyped-def]
               refresh: bool = True) -> None:
    """Every registered report for the largest town as ``kim report`` makes it (JSON, the
    detail audience), at the last month end: median wall time of ``runs``."""
    from django.core.management import call_command
    from django.core.management.base import CommandError
    from django_scopes import scope

    from kim.core.reports.registry import reports
    from kim.people.domain.timelines import refresh_municipality

    # As in production after the nightly `kim refresh_timelines`: the generated segments
    # are not the engine's, so the town's time lines are computed first (timed too).
    if refresh:
        start = time.perf_counter()
        with scope(municipality=town):
            refreshed = refresh_municipality(town)
        print(f"time lines of {refreshed:,} persons computed in "
              f"{time.perf_counter() - start:.0f} s")
        print()
    as_of = (NOW.date().replace(day=1) - datetime.timedelta(days=1)).isoformat()
    print(f"| report ({town.slug}, {persons:,} persons, as of {as_of}) | median ms | runs |")
    print("|---|---|---|")
    for name in sorted(reports.names):
        times = []
        try:
            for _ in range(runs):
                start = time.perf_counter()
                call_command("report", name, municipality=town.slug, as_of=as_of,
                             fmt="json", stdout=io.StringIO())
                times.append((time.perf_counter() - start) * 1000)
        except (CommandError, SystemExit) as error:
            print(f"| {name} | not run: {str(error)[:80]} | 0 |")
            continue
        print(f"| {name} | {statistics.median(times):.0f} | {runs} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--municipalities", type=int, default=400)
    parser.add_argument("--persons", type=int, default=2_000_000)
    parser.add_argument("--largest", type=int, default=100_000)
    parser.add_argument("--segments", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--reuse", action="store_true",
                        help="measure again on a database generated by an earlier run")
    parser.add_argument("--no-reports", action="store_true", help="skip the report timings")
    args = parser.parse_args()
    setup(args.database_url)

    from django.db import connection
    from django.test import Client
    from django_scopes import scope, scopes_disabled

    from kim.api.tokens import issue
    from kim.core.domain.municipalities import create_municipality, ensure_default_roles
    from kim.core.domain.users import create_member

    rng = random.Random(17)
    plan = sizes(args.municipalities, args.persons, args.largest)
    started = time.perf_counter()
    towns = []
    with scopes_disabled():
        from kim.core.models import Municipality

        if args.reuse:
            by_slug = {m.slug: m for m in Municipality.objects.filter(slug__startswith="town-")}
            towns = [(by_slug[f"town-{i:03d}"], n) for i, n in enumerate(plan)]
        else:
            for i, n in enumerate(plan):
                towns.append((create_municipality(f"town-{i:03d}", f"Stadt {i:03d}",
                                                  f"{5000000 + i:08d}"), n))
    made = time.perf_counter()
    if not args.reuse:
        with connection.cursor() as cursor:
            cp = Copier(cursor.cursor)
            for town, n in towns:
                generate_town(cp, town.pk, n, args.segments, rng)
            cp.reset_sequences()
            cursor.execute("ANALYZE")
    generated = time.perf_counter() - made
    total = sum(plan)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        db_bytes = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM people_decisionsegment")
        segments = cursor.fetchone()[0]
    print(f"# kim scale bench – {platform.node()} {platform.machine()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"PostgreSQL {connection.pg_version}")
    print(f"{len(plan)} municipalities, {total:,} persons (largest {plan[0]:,}, smallest "
          f"{min(plan):,}), {2 * total:,} statuses, {segments:,} time-line segments")
    if args.reuse:
        print("measured again on the database of an earlier run (--reuse)")
    else:
        print(f"generated with COPY in {generated:.0f} s (+{made - started:.0f} s creating "
              f"the municipalities with their roles)")
    print(f"database size {db_bytes / 2**20:,.0f} MiB = "
          f"{db_bytes / total * 100_000 / 2**20:,.0f} MiB per 100 000 persons")
    print()
    print("| town | request | p50 ms | p95 ms | queries |")
    print("|---|---|---|---|---|")
    smallest = min(towns, key=lambda t: t[1])
    for label, (town, _n) in (("largest", towns[0]), ("smallest", smallest)):
        with scope(municipality=town):
            defaults = ensure_default_roles(town)
            from kim.core.models import Membership

            member = Membership.objects.filter(municipality=town,
                                               user__username=f"bench-{town.slug}").first()
            if member is None:
                member = create_member(town, username=f"bench-{town.slug}",
                                       password="Bench-Messlauf-2026!",
                                       roles=[defaults["caseworker"]],
                                       must_change_password=False)
            raw = issue(member.user, town, name="bench", access="read").raw
        with connection.cursor() as c:
            c.execute("SELECT id FROM people_person WHERE municipality_id = %s ORDER BY id "
                      "LIMIT 1 OFFSET 7", [town.pk])
            pid = c.fetchone()[0]
        api = Client(headers={"Authorization": f"Bearer {raw}"})
        web = Client()
        web.force_login(member.user)
        s = town.slug
        for name, client, url in [
            ("API persons (first page)", api, f"/api/v1/{s}/persons/"),
            ("API persons ordered by change", api, f"/api/v1/{s}/persons/?ordering=-updated_at"),
            ("API person", api, f"/api/v1/{s}/persons/{pid}/"),
            ("API statuses of a person", api, f"/api/v1/{s}/persons/{pid}/statuses/"),
            ("API households", api, f"/api/v1/{s}/households/"),
            ("API changes feed", api, f"/api/v1/{s}/changes/"),
            ("page: person list", web, f"/{s}/persons/"),
            ("page: person", web, f"/{s}/persons/{pid}/"),
            ("page: deadlines", web, f"/{s}/persons/deadlines/"),
        ]:
            p50, p95, queries = timed(client, url, args.repeat)
            print(f"| {label} ({_n:,}) | {name} | {p50:.1f} | {p95:.1f} | {queries} |")
    print()
    if not args.no_reports:
        reports_of(towns[0][0], towns[0][1], refresh=not args.reuse)
        print()
    big = towns[0][0].pk
    for title, sql in [
        ("API persons, first page", "SELECT * FROM people_person WHERE municipality_id = %s "
         "ORDER BY id LIMIT 51"),
        ("API persons by change", "SELECT * FROM people_person WHERE municipality_id = %s "
         "ORDER BY updated_at DESC, id DESC LIMIT 51"),
        ("statuses of a person", "SELECT * FROM people_legalstatus WHERE municipality_id = %s "
         "AND person_id = (SELECT min(id) FROM people_person WHERE municipality_id = %s)"),
        ("time-line segments on a day (as timelines.segments_on asks)",
         "SELECT count(*) FROM people_decisionsegment WHERE municipality_id = %s AND "
         "year = 2024 AND valid_from <= '2024-01-01' AND valid_to > '2024-01-01' "
         "AND resident"),
    ]:
        with connection.cursor() as c:
            c.execute("EXPLAIN (ANALYZE, BUFFERS OFF, TIMING OFF, SUMMARY ON) " + sql,
                      [big] * sql.count("%s"))
            lines = [r[0] for r in c.fetchall()]
        print(f"EXPLAIN {title}:")
        for line in lines:
            print("    " + line)


if __name__ == "__main__":
    main()
