"""Education's part of the conformance world. Every call adds a provider with a course, a
person referred and enrolled there (with attendance, an assessment and an obligation)
and a person referred to another provider's course. The provider persona's membership
belongs to the first provider, so the suite sees its object rules at work: the first
person and course are its own, the others are not."""

from kim.core.models import Membership
from tests.education.factories import (
    AssessmentFactory,
    AttendanceFactory,
    CourseFactory,
    ObligationFactory,
    ProviderFactory,
    ReferralFactory,
)
from tests.people.factories import PersonFactory, StatusFactory


def build(municipality, users, n):
    for _ in range(n):
        own = ProviderFactory(municipality=municipality)
        course = CourseFactory(municipality=municipality, provider=own)
        learner = PersonFactory(municipality=municipality, family_name="Nasser", sex="f")
        StatusFactory(person=learner, code="refugee")
        referral = ReferralFactory(course=course, person=learner)
        referral.start = referral.referred_on
        referral.save()
        AttendanceFactory(referral=referral)
        AssessmentFactory(person=learner, provider=own)
        ObligationFactory(person=learner)
        build_situations(municipality, learner, own)
        other = CourseFactory(municipality=municipality)
        ReferralFactory(course=other, person=PersonFactory(municipality=municipality))
        provider = users.get("provider")
        if provider is not None:
            Membership.objects.filter(user=provider, municipality=municipality,
                                      organisation__isnull=True).update(organisation=own)


def build_situations(municipality, learner, own):
    """Kita, school, employment and a measure with a placement (called by ``build``)."""
    import datetime

    from kim.core.models import Organisation
    from kim.education.models import (
        ChildcareRecord,
        EmploymentRecord,
        Measure,
        MeasurePlacement,
        SchoolRecord,
    )

    start = datetime.date(2026, 1, 5)
    kita = Organisation.objects.create(municipality=municipality, name=f"Kita {own.pk}",
                                       kinds=["kita"])
    school = Organisation.objects.create(municipality=municipality, name=f"Schule {own.pk}",
                                         kinds=["school"])
    ChildcareRecord.objects.create(municipality=municipality, person=learner,
                                   valid_from=start, kind="kita", institution=kita)
    SchoolRecord.objects.create(municipality=municipality, person=learner, valid_from=start,
                                school=school, class_type="lateral", grade=6)
    EmploymentRecord.objects.create(municipality=municipality, person=learner,
                                    valid_from=start, activity="language_course")
    measure = Measure.objects.create(municipality=municipality, organisation=own,
                                     title=f"AGH Grünpflege {own.pk}", kind="agh", places=2,
                                     start=start)
    MeasurePlacement.objects.create(municipality=municipality, measure=measure, person=learner,
                                    start=start, end=datetime.date(2026, 6, 30))
