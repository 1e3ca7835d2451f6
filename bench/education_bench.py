"""Benchmark of the education module (issue 11 item 10): the course worklist, a
provider's course page and the education reports at realistic size.

    .venv/bin/python bench/education_bench.py [--persons 100000] [--entries 500000]
        [--database-url URL] [--repeat 20]

Creates a throw-away database (SQLite in a temp dir unless --database-url), generates N
fictitious persons with status histories (bench/people_bench.py), their legal time lines,
courses of four providers and about ``--entries`` education-card entries (referrals,
attendance months, assessments), then reports p50/p95 server time and queries per request
(Django's test client, no network) and the time of each report.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from people_bench import generate, setup, timed  # noqa: E402

D = datetime.date


def education_data(municipality, entries: int, rng: random.Random) -> tuple:  # type: ignore[no-untyped-def]
    from kim.core.models import Organisation
    from kim.education.models import Assessment, Attendance, Course, Referral
    from kim.people.models import Person

    providers = [Organisation.objects.create(municipality=municipality, name=name,
                                             kinds=["provider"])
                 for name in ("Kolping", "ESTA", "SEN", "VHS")]
    courses = Course.objects.bulk_create([
        Course(municipality=municipality, provider=providers[i % 4], title=f"Kurs {i}",
               kind=rng.choice(["integration", "alpha", "women", "job_language"]),
               level="B1", start=D(2016, 1, 4) + datetime.timedelta(days=7 * (i % 520)),
               end=D(2016, 7, 1) + datetime.timedelta(days=7 * (i % 520)), seats=25,
               status="finished") for i in range(2000)])
    ids = list(Person.objects.filter(municipality=municipality).values_list("pk", flat=True))
    rng.shuffle(ids)
    # per referral: the referral, 6 attendance months, one assessment = 8 entries
    referrals = []
    for pid in ids[: entries // 8]:
        course = rng.choice(courses)
        referrals.append(Referral(municipality=municipality, person_id=pid, course=course,
                                  referred_on=course.start - datetime.timedelta(days=20),
                                  start=course.start, end=course.end,
                                  completed_on=course.end if rng.random() < 0.7 else None))
    Referral.objects.bulk_create(referrals, batch_size=5000)
    attendance = [Attendance(municipality=municipality, referral=r,
                             month=(r.start.replace(day=1) + datetime.timedelta(days=31 * k))
                             .replace(day=1), hours=80, absent_hours=rng.randint(0, 12))
                  for r in referrals for k in range(6)]
    Attendance.objects.bulk_create(attendance, batch_size=5000)
    Assessment.objects.bulk_create([
        Assessment(municipality=municipality, person_id=r.person_id, provider=r.course.provider,
                   assessed_on=r.referred_on, assessor="Bench", listening="A1", reading="A1",
                   writing="A1", speaking="A1") for r in referrals], batch_size=5000)
    return providers[0], courses, len(referrals) + len(attendance) + len(referrals)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=500_000)
    parser.add_argument("--database-url")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    setup(args.database_url)

    from django.conf import settings
    from django.test import Client
    from django.urls import reverse
    from django_scopes import scope

    from kim.core.domain.municipalities import create_municipality, ensure_default_roles
    from kim.core.domain.users import create_member
    from kim.core.models import Membership
    from kim.core.reports.registry import ReportParams, reports
    from kim.people.domain import timelines

    rng = random.Random(11)  # noqa: S311  (bench data, not security)
    municipality = create_municipality("bench", "Benchstadt")
    start = time.perf_counter()
    with scope(municipality=municipality):
        generate(municipality, args.persons, rng)
        generated = time.perf_counter() - start
        start = time.perf_counter()
        timelines.refresh_municipality(municipality)
        refreshed = time.perf_counter() - start
        own, courses, made = education_data(municipality, args.entries, rng)
    roles = ensure_default_roles(municipality)
    with scope(municipality=municipality):
        caseworker = create_member(municipality, username="bench-case",
                                   password="Bench-Passwort-2026!",
                                   roles=[roles["caseworker"]], must_change_password=False).user
        provider = create_member(municipality, username="bench-provider",
                                 password="Bench-Passwort-2026!", roles=[roles["provider"]],
                                 must_change_password=False)
        Membership.objects.filter(pk=provider.pk).update(organisation=own)
    course = next(c for c in courses if c.provider_id == own.pk)
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"kim education benchmark – {args.persons} persons, {made} card entries, "
          f"database {engine}")
    print(f"machine: {platform.platform()}, {os.cpu_count()} cpus, Python "
          f"{platform.python_version()}")
    print(f"generate: {generated:.1f} s; time lines: {refreshed:.1f} s")
    slug = municipality.slug
    for label, user, url in (
            ("course worklist (caseworker)", caseworker,
             reverse("education:gap_list", kwargs={"municipality": slug})),
            ("course page (provider)", provider.user,
             reverse("education:course_detail", kwargs={"municipality": slug,
                                                        "pk": course.pk})),
            ("course list (provider)", provider.user,
             reverse("education:course_list", kwargs={"municipality": slug}))):
        client = Client()
        client.force_login(user)
        client.get(url)
        p50, p95, queries = timed(client, url, args.repeat)
        print(f"{label:34} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  queries {queries}")
    with scope(municipality=municipality):
        for name in ("childcare", "schooling", "employability", "courses", "measures"):
            start = time.perf_counter()
            reports.get(name).compute(municipality, ReportParams(as_of=D(2024, 12, 31)))
            print(f"report {name:14} {(time.perf_counter() - start) * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
