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
        other = CourseFactory(municipality=municipality)
        ReferralFactory(course=other, person=PersonFactory(municipality=municipality))
        provider = users.get("provider")
        if provider is not None:
            Membership.objects.filter(user=provider, municipality=municipality,
                                      organisation__isnull=True).update(organisation=own)
