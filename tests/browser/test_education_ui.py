"""Accessibility audit (axe-core) of the education pages: catalogue, card, forms and
worklists for case work, the provider's view of its course, the public catalogue."""

from django_scopes import scope

from kim.core.models import Membership
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.education.factories import AssessmentFactory, CourseFactory, ReferralFactory


def _town(soest):
    with scope(municipality=soest):
        course = CourseFactory(municipality=soest)
        referral = ReferralFactory(course=course)
        AssessmentFactory(person=referral.person, municipality=soest)
    return course, referral


def test_case_work_pages_have_no_serious_violations(page, personas, soest):
    course, referral = _town(soest)
    person = referral.person.pk
    log_in(page, "caseworker-soest", PASSWORD)
    for url in ["/soest/education/courses/", f"/soest/education/courses/{course.pk}/",
                f"/soest/education/persons/{person}/",
                f"/soest/education/persons/{person}/refer/",
                f"/soest/education/persons/{person}/assessment/",
                f"/soest/education/persons/{person}/childcare/",
                f"/soest/education/referrals/{referral.pk}/",
                "/soest/education/worklist/", "/soest/education/worklist/childcare/",
                "/soest/education/worklist/school/", "/soest/education/measures/"]:
        page.goto(url)
        assert axe_violations(page) == [], url


def test_provider_and_public_pages_have_no_serious_violations(page, personas, soest):
    course, referral = _town(soest)
    with scope(municipality=soest):
        Membership.objects.filter(user=personas["provider"].user).update(
            organisation=course.provider)
    log_in(page, "provider-soest", PASSWORD)
    for url in [f"/soest/education/courses/{course.pk}/",
                f"/soest/education/persons/{referral.person.pk}/"]:
        page.goto(url)
        assert axe_violations(page) == [], url
    page.goto("/soest/courses/")
    assert axe_violations(page) == [], "public catalogue"


def test_coordinator_pages_have_no_serious_violations(page, personas, soest):
    """The course worklist with its free seats and waiting times, the import page."""
    _town(soest)
    with scope(municipality=soest):
        CourseFactory(municipality=soest, title="Freier Kurs", status="open", seats=30)
    log_in(page, "coordinator-soest", PASSWORD)
    for url in ["/soest/education/worklist/", "/soest/education/courses/import/"]:
        page.goto(url)
        assert axe_violations(page) == [], url
