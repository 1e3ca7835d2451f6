"""Benchmark of the stored legal time lines (issue 9 item 7): reports for any date as SQL.

    .venv/bin/python bench/timeline_bench.py [--persons 100000] [--database-url URL]
                                             [--repeat 7]

Creates a throw-away database (SQLite in a temp dir unless --database-url), generates N
fictitious persons in households with status histories (bench/people_bench.py's
generator), computes every time line, and then, for several dates, measures:

* ``benefit_recipients`` and ``housing_placement`` (the report functions, from the time
  lines) and the report pages through Django's test client;
* hand-written SQL over the same segments in the same run: the count of the rows the
  report reads (residents on the day; for the benefit report those with an AsylbLG
  regime), and for Tab. 7 also its grouping by household and cell written by hand – the
  report must stay within 3x;
* once, the live engine for the same date (the fallback and reference), and that both
  give the same figures.

Prints the figures with data size, database and machine.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

DAYS = [datetime.date(2018, 9, 30), datetime.date(2022, 6, 30), datetime.date(2026, 11, 30),
        datetime.date(2028, 3, 31)]


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any, float]:
    """(median ms, min ms, last result, median CPU ms of this process) over ``repeat`` runs
    after one warm-up. SQLite runs in the process, so its CPU time is the query's cost
    without the waiting for a core on a shared machine; for PostgreSQL it is only the
    client's share."""
    result = fn()
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(times), min(times), result, statistics.median(cpu)


def sql_count(sql: str, params: list[Any]) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.fetchone()[0])


def sql_rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [tuple(row) for row in cursor.fetchall()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--database-url")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-live", action="store_true", help="skip the live engine runs")
    parser.add_argument("--keep", metavar="DIR", help="SQLite in DIR, kept for the next run, "
                        "which reuses the persons and time lines found there")
    args = parser.parse_args()
    from people_bench import generate, setup

    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        os.environ["KIM_DATA_DIR"] = args.keep
        os.environ["DJANGO_SETTINGS_MODULE"] = "kim.settings.test"
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
    else:
        setup(args.database_url)

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django_scopes import scope

    from kim.core.domain.municipalities import create_municipality, ensure_default_roles
    from kim.core.domain.users import create_member
    from kim.core.models import Municipality, User
    from kim.housing.domain import private_housing
    from kim.people.domain import benefits, timelines
    from kim.people.models import DecisionSegment, Person

    today = datetime.date(2026, 12, 1)
    generated = refreshed = 0.0
    municipality = Municipality.objects.filter(slug="bench").first()
    if municipality is None:
        municipality = create_municipality("bench", "Benchstadt")
        roles = ensure_default_roles(municipality)
        with scope(municipality=municipality):
            create_member(municipality, username="bench", password="Bench-Passwort-2026!",
                          roles=[roles["benefits"], roles["housing"]],
                          must_change_password=False)
            start = time.perf_counter()
            generate(municipality, args.persons, random.Random(42))  # noqa: S311
            generated = time.perf_counter() - start
            start = time.perf_counter()
            timelines.refresh_municipality(municipality, today)
            refreshed = time.perf_counter() - start
    user = User.objects.get(username="bench")
    with scope(municipality=municipality):
        persons = Person.objects.count()
        segments = DecisionSegment.objects.count()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # what autovacuum does after a bulk load
            cursor.execute("VACUUM ANALYZE people_decisionsegment")
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"kim time line benchmark – {persons} persons, {segments} segments "
          f"({segments / persons:.1f} per person), database {engine}")
    print(f"machine: {platform.platform()}, {os.cpu_count()} cpus, Python "
          f"{platform.python_version()}")
    if refreshed:
        print(f"generate: {generated:.1f} s; all time lines: {refreshed:.1f} s "
              f"({persons / refreshed:.0f} persons/s)")

    client = Client()
    client.force_login(user)
    table = DecisionSegment._meta.db_table
    covering = (f"FROM {table} WHERE municipality_id = %s AND year = %s "  # noqa: S608
                "AND valid_from <= %s AND valid_to > %s AND resident")
    # Tab. 7 by hand: households (members' best category, SGB if any member) by cell.
    tab7 = ("SELECT members = 1, best, sgb, COUNT(*), SUM(members) FROM (SELECT home, "
            "COUNT(*) AS members, MAX(CASE housing WHEN 'placeable' THEN 3 WHEN "
            "'not_yet_placeable' THEN 2 WHEN 'not_placeable' THEN 1 ELSE 0 END) AS best, "
            "MAX(CASE WHEN regime IN ('sgb2', 'sgb12') THEN 1 ELSE 0 END) AS sgb "
            f"{covering} GROUP BY home) households GROUP BY 1, 2, 3")
    for day in DAYS:
        params = [municipality.pk, day.year, day, day]
        with scope(municipality=municipality):
            count_b = best(lambda p=params: sql_count(
                f"SELECT COUNT(*) {covering} AND regime IN ('asylblg_basic', 'asylblg_analog')",
                p), args.repeat)
            count_t = best(lambda p=params: sql_count(f"SELECT COUNT(*) {covering}", p),
                           args.repeat)
            grouped_t = best(lambda p=params: sql_rows(tab7, p), args.repeat)
            report_b = best(lambda d=day: benefits.benefit_recipient_counts(municipality, d),
                            args.repeat)
            report_t = best(lambda d=day: private_housing.counts(municipality, d), args.repeat)
        page_b = best(lambda d=day: client.get("/bench/reports/benefit_recipients/",
                                               {"as_of": d.isoformat()}), args.repeat)
        page_t = best(lambda d=day: client.get("/bench/reports/housing_placement/",
                                               {"as_of": d.isoformat()}), args.repeat)
        assert page_b[2].status_code == 200 and page_t[2].status_code == 200
        recipients = sum(report_b[2].values())
        placed = sum(report_t[2][0].values())
        households = sum(row[3] for row in grouped_t[2] if row[1])
        print(f"\n{day}: {count_t[2]} residents, {recipients} AsylbLG recipients, "
              f"{placed} persons in {households} households in Tab. 7")
        # The ratio on CPU time where the database runs in the process (SQLite: robust
        # against other load on the machine), else on the median wall time.
        at = 3 if connection.vendor == "sqlite" else 0
        print(f"  benefit_recipients  {report_b[0]:6.1f} ms (min {report_b[1]:5.1f}, CPU "
              f"{report_b[3]:5.1f})  page {page_b[0]:6.1f} ms | SQL count of its rows "
              f"{count_b[0]:5.1f} ms (CPU {count_b[3]:5.1f}) -> {report_b[at] / count_b[at]:.2f}x")
        print(f"  housing_placement   {report_t[0]:6.1f} ms (min {report_t[1]:5.1f}, CPU "
              f"{report_t[3]:5.1f})  page {page_t[0]:6.1f} ms | SQL count of its rows "
              f"{count_t[0]:5.1f} ms (CPU {count_t[3]:5.1f}) -> "
              f"{report_t[at] / count_t[at]:.2f}x; Tab. 7 by hand in SQL {grouped_t[0]:5.1f} ms "
              f"(CPU {grouped_t[3]:5.1f}) -> {report_t[at] / grouped_t[at]:.2f}x")
        if not args.no_live and day == DAYS[0]:
            with scope(municipality=municipality):
                start = time.perf_counter()
                live_b = benefits.counts_live(municipality, day)
                took_b = time.perf_counter() - start
                start = time.perf_counter()
                live_t = private_housing.counts_live(municipality, day)
                took_t = time.perf_counter() - start
            assert live_b == report_b[2] and live_t == report_t[2], "differs from the engine"
            print(f"  live engine (reference, fallback): benefit_recipients {took_b:.2f} s, "
                  f"housing_placement {took_t:.2f} s – same figures")


if __name__ == "__main__":
    main()
