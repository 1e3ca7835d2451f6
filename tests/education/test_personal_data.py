"""Education's records in the Art. 15 access export and in retention (issue 10 items 8, 9:
"education" is part of what kim holds about a person)."""

import datetime

from django.utils import timezone
from django_scopes import scope

from kim.core.modules import RetentionScope
from kim.core.modules.registry import modules
from kim.education.domain import personal_data
from kim.education.models import Attendance, Referral
from tests.education.factories import AssessmentFactory, AttendanceFactory


def test_the_access_export_lists_every_education_record(soest):
    with scope(municipality=soest):
        attendance = AttendanceFactory(referral__course__municipality=soest)
        person = attendance.referral.person
        AssessmentFactory(person=person, municipality=soest)
        parts = {part.key: part for part in modules.personal_data_exports()}
        tables = {t.key: t for t in parts["education"].collect(person, soest)}
    referral = tables["referral"]
    assert [r["course"] for r in referral.rows] == [str(attendance.referral.course)]
    assert referral.rows[0]["referred_on"] == datetime.date(2026, 1, 5)
    assert tables["assessment"].rows[0]["listening"] == "A1"
    assert [r["hours"] for r in tables["attendance"].rows] == [80]
    assert all(set(row) == {key for key, _label in t.columns}
               for t in tables.values() for row in t.rows)


def test_retention_deletes_the_records_of_a_closed_case_only(soest):
    today = timezone.localdate()
    with scope(municipality=soest):
        closed = AttendanceFactory(referral__course__municipality=soest).referral
        open_ = AttendanceFactory(referral__course=closed.course).referral
        person = closed.person
        person.moved_away_date = today - datetime.timedelta(days=11 * 365)
        person.save()
        cutoff = today - datetime.timedelta(days=10 * 365)
        scope_ = RetentionScope(municipality=soest, today=today, cutoff=cutoff, dry_run=True)
        assert personal_data.erase_records(scope_) == 1
        assert Referral.objects.count() == 2
        done = personal_data.erase_records(RetentionScope(municipality=soest, today=today,
                                                          cutoff=cutoff, dry_run=False))
        assert done == 1
        assert list(Referral.objects.values_list("pk", flat=True)) == [open_.pk]
        assert Attendance.objects.filter(referral=open_).count() == 1
