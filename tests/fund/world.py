"""The fund's part of the conformance world: per call a year with an open round, an
application of the provider persona's organisation (approved, paid in part, with a final
report) and one of another organisation (waiting for the decision)."""

import datetime
from decimal import Decimal

from kim.core.models import Membership
from kim.fund.domain import decisions
from tests.fund.factories import (
    ApplicationFactory,
    FundYearFactory,
    OrganisationFactory,
    RoundFactory,
)


def build(municipality, users, n):
    provider = users.get("provider")
    org = None
    if provider is not None:
        membership = Membership.objects.filter(user=provider,
                                               municipality=municipality).first()
        if membership is not None and membership.organisation_id is None:
            membership.organisation = OrganisationFactory(municipality=municipality)
            membership.save()
        org = membership.organisation if membership is not None else None
    for _ in range(n):
        year = FundYearFactory(municipality=municipality)  # a future year: its round is open
        round_ = RoundFactory(fund_year=year)
        own = ApplicationFactory(round=round_, **({"organisation": org} if org else {}))
        own = decisions.decide(own, approve=True, amount=Decimal("4000.00"),
                               conditions="", checks={"integration": True},
                               on=own.submitted_on)
        decisions.pay(own, amount=Decimal("2000.00"), on=own.decided_on)
        decisions.report_usage(own, spent=Decimal("3900.00"), text="Bericht",
                               on=own.decided_on + datetime.timedelta(days=300))
        ApplicationFactory(round=round_)

