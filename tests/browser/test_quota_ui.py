"""Accessibility audit (axe-core) of the quota pages, with a month and arrivals to show."""

import datetime

import pytest
from django_scopes import scope

from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD

PAGES = ["/soest/quota/", "/soest/quota/?month=2018-09", "/soest/quota/import/",
         "/soest/quota/settings/", "/soest/quota/arrivals/?first_year=2017&last_year=2019",
         "/soest/reports/quota/?as_of=2018-10-31",
         "/soest/reports/arrivals_by_origin/?as_of=2019-12-31"]


@pytest.mark.parametrize("persona", ["housing"])
def test_quota_pages_have_no_serious_violations(page, personas, persona, soest):
    from kim.quota.domain.statistics import import_statistics
    from tests.people.factories import PersonFactory
    from tests.quota.conftest import soest_land

    with scope(municipality=soest):
        import_statistics(soest, soest_land(), datetime.date(2018, 9, 1))
        import_statistics(soest, soest_land(190), datetime.date(2018, 10, 1))
        for year, code in ((2018, "SY"), (2019, "AF"), (2019, "SY")):
            PersonFactory(municipality=soest, citizenships=[code],
                          assignment_date=datetime.date(year, 5, 1))
    log_in(page, f"{persona}-soest", PASSWORD)
    for url in PAGES:
        page.goto(url)
        assert axe_violations(page) == [], url
    page.goto("/soest/quota/import/")
    page.get_by_role("button", name="Hochladen").click()
    assert axe_violations(page) == [], "upload form with errors"
