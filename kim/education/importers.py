"""Import of courses and enrolments from CSV/XLSX through kim/core/io: every row is
validated first (errors name row and column as headed in the file), then everything is
written in one transaction or nothing at all – the rules of the person import.

Courses: ``provider`` is the name of an organisation of kind provider, ``district`` the
name of an area (both must exist). Enrolments: ``person_id`` and ``course_id`` are kim's
numbers (export the course list first); one open referral per person and course.
"""

from __future__ import annotations

from decimal import Decimal
from typing import IO, Any

from kim.core.audit.writer import record_bulk
from kim.core.io import cells
from kim.core.io.errors import gettext_noop
from kim.core.io.imports import (
    Column,
    ImportResult,
    ImportSpec,
    Progress,
    Row,
    Validated,
    run_import,
)
from kim.core.models import Area, Municipality, Organisation
from kim.education.models import (
    Admission,
    Course,
    CourseKind,
    CourseStatus,
    Level,
    Referral,
)
from kim.people.models import Person

COURSE_SPEC = ImportSpec(columns=(
    Column("provider", aliases=("Träger",), required=True, empty="error", parse=cells.text(200)),
    Column("title", aliases=("Titel",), required=True, empty="error", parse=cells.text(200)),
    Column("kind", aliases=("Art",), required=True, empty="error",
           parse=cells.choice(CourseKind.values), choices=tuple(CourseKind.values)),
    Column("level", aliases=("Niveau",), parse=cells.choice(
        [v.lower() for v in Level.values]), choices=tuple(Level.values)),
    Column("start", aliases=("Beginn",), required=True, empty="error", parse=cells.date),
    Column("end", aliases=("Ende",), parse=cells.date),
    Column("schedule", aliases=("Zeiten",), parse=cells.text(200)),
    Column("place", aliases=("Ort",), parse=cells.text(200)),
    Column("district", aliases=("Stadtteil",), parse=cells.text(120)),
    Column("seats", aliases=("Plätze",), required=True, empty="error",
           parse=cells.whole(1, 999)),
    Column("childcare", aliases=("Kinderbetreuung",), parse=cells.flag),
    Column("cost", aliases=("Kosten",), parse=cells.decimal(Decimal(0), Decimal(999999))),
    Column("admission", aliases=("Zugang",), parse=cells.choice(Admission.values),
           choices=tuple(Admission.values)),
    Column("status", aliases=("Status",), parse=cells.choice(CourseStatus.values),
           choices=tuple(CourseStatus.values)),
))

ENROLMENT_SPEC = ImportSpec(columns=(
    Column("person_id", aliases=("Person",), required=True, empty="error",
           parse=cells.whole(1)),
    Column("course_id", aliases=("Kurs",), required=True, empty="error", parse=cells.whole(1)),
    Column("referred_on", aliases=("zugewiesen am",), required=True, empty="error",
           parse=cells.date),
    Column("start", aliases=("Beginn",), parse=cells.date),
    Column("end", aliases=("Ende",), parse=cells.date),
    Column("completed_on", aliases=("abgeschlossen am",), parse=cells.date),
    Column("ended_on", aliases=("beendet am",), parse=cells.date),
))


def _not_before(line: int, values: dict[str, Any], result: Validated, later: str,
                earlier: str) -> None:
    if later in values and earlier in values and values[later] < values[earlier]:
        result.error(line, later, gettext_noop("lies before %(other)s"),
                     other=result.headers.get(earlier, earlier))


ALL_PROVIDERS = object()  # import_courses' default: rows of any provider


def provider_name(municipality: Municipality, pk: object) -> str:
    if not isinstance(pk, int):
        return ""
    return (Organisation.objects.filter(municipality=municipality, pk=pk)
            .values_list("name", flat=True).first() or "")


def import_courses(municipality: Municipality, source: IO[bytes] | bytes, filename: str, *,
                   dry_run: bool = False, progress: Progress | None = None,
                   own_provider: object = ALL_PROVIDERS) -> ImportResult:
    """``own_provider``: the organisation a provider's staff imports for – a row of
    another provider is an error (their staff edit only their own courses)."""
    orgs = Organisation.objects.filter(municipality=municipality)
    named = {pk: name for pk, name, kinds in orgs.values_list("pk", "name", "kinds")
             if "provider" in (kinds or [])}
    providers = {name.lower(): pk for pk, name in named.items()}
    own_name = named.get(own_provider, "") if isinstance(own_provider, int) else ""
    areas = {name.lower(): pk for pk, name in Area.objects.filter(
        municipality=municipality).values_list("pk", "name")}

    def row_check(line: int, values: dict[str, Any], result: Validated) -> None:
        _not_before(line, values, result, "end", "start")
        if "provider" in values and values["provider"].lower() not in providers:
            result.error(line, "provider", gettext_noop("no provider of this name: %(value)s"),
                         value=values["provider"])
        elif ("provider" in values and own_provider is not ALL_PROVIDERS
              and providers[values["provider"].lower()] != own_provider):
            if own_name:
                result.error(line, "provider", gettext_noop(
                    "you may import courses of your own organisation only (%(own)s)"),
                    own=own_name)
            else:
                result.error(line, "provider", gettext_noop(
                    "your account belongs to no provider; ask the coordination"))
        if "district" in values and values["district"].lower() not in areas:
            result.error(line, "district", gettext_noop("no district of this name: %(value)s"),
                         value=values["district"])

    def write(rows: list[Row]) -> int:
        courses = []
        for row in rows:
            v = row.values
            courses.append(Course(
                municipality=municipality, provider_id=providers[v["provider"].lower()],
                title=v["title"], kind=v["kind"], level=v.get("level", "").upper(),
                start=v["start"], end=v.get("end"), schedule=v.get("schedule", ""),
                place=v.get("place", ""),
                area_id=areas[v["district"].lower()] if "district" in v else None,
                seats=v["seats"], childcare=v.get("childcare", False), cost=v.get("cost", 0),
                admission=v.get("admission", Admission.ADMISSIBLE),
                status=v.get("status", CourseStatus.PLANNED)))
        Course.objects.bulk_create(courses, batch_size=1000)
        record_bulk(Course, len(courses), "import of courses", municipality.pk)
        return len(courses)

    return run_import(COURSE_SPEC, source, filename, write=write, dry_run=dry_run,
                      row_check=row_check, progress=progress)


def import_enrolments(municipality: Municipality, source: IO[bytes] | bytes, filename: str, *,
                      dry_run: bool = False, progress: Progress | None = None
                      ) -> ImportResult:
    courses = dict(Course.objects.filter(municipality=municipality).values_list("pk", "seats"))
    persons = Person.objects.filter(municipality=municipality)
    open_pairs = set(Referral.objects.filter(municipality=municipality, ended_on__isnull=True)
                     .values_list("person_id", "course_id"))
    pairs: dict[tuple[int, int], int] = {}
    person_ids: dict[int, list[int]] = {}

    def row_check(line: int, values: dict[str, Any], result: Validated) -> None:
        for later, earlier in (("start", "referred_on"), ("end", "start"),
                               ("completed_on", "start"), ("ended_on", "referred_on")):
            _not_before(line, values, result, later, earlier)
        for needs in ("end", "completed_on"):
            if needs in values and "start" not in values:
                result.error(line, needs, gettext_noop("needs a start"))
        course = values.get("course_id")
        if course is not None and course not in courses:
            result.error(line, "course_id", gettext_noop("no course with this number: "
                                                         "%(value)s"), value=course)
        person = values.get("person_id")
        if person is not None:
            person_ids.setdefault(person, []).append(line)
        if person is not None and course is not None and "ended_on" not in values:
            if (person, course) in open_pairs:
                result.error(line, "course_id", gettext_noop(
                    "the person is already referred to this course"))
            elif (person, course) in pairs:
                result.error(line, "course_id", gettext_noop(
                    "appears twice (first in row %(first)s)"), first=pairs[(person, course)])
            else:
                pairs[(person, course)] = line

    def check(result: Validated) -> None:
        known = set(persons.filter(pk__in=list(person_ids)).values_list("pk", flat=True))
        for person, lines in person_ids.items():
            if person not in known:
                for line in lines:
                    result.error(line, "person_id", gettext_noop(
                        "no person with this number: %(value)s"), value=person)

    def write(rows: list[Row]) -> int:
        referrals = [Referral(
            municipality=municipality, person_id=row.values["person_id"],
            course_id=row.values["course_id"], referred_on=row.values["referred_on"],
            start=row.values.get("start"), end=row.values.get("end"),
            completed_on=row.values.get("completed_on"),
            ended_on=row.values.get("ended_on")) for row in rows]
        Referral.objects.bulk_create(referrals, batch_size=1000)
        record_bulk(Referral, len(referrals), "import of enrolments", municipality.pk)
        return len(referrals)

    return run_import(ENROLMENT_SPEC, source, filename, write=write, dry_run=dry_run,
                      row_check=row_check, check=check, progress=progress)
