"""Accessibility audit (axe-core) of the monitoring pages, with figures to show."""

import pytest
from django_scopes import scope

from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD


@pytest.mark.parametrize("persona", ["coordinator", "steering"])
def test_monitoring_pages_have_no_serious_violations(page, personas, persona, soest):
    from kim.monitoring.demo import load
    from kim.monitoring.models import Indicator

    load(soest)
    with scope(municipality=soest):
        pks = [Indicator.objects.get(code=c).pk for c in ("soc.asylblg", "pop.migration_share",
                                                          "school.pupils_foreign")]
    log_in(page, f"{persona}-soest", PASSWORD)
    pages = ["/soest/", "/soest/monitoring/", "/soest/monitoring/segregation/",
             *(f"/soest/monitoring/indicators/{pk}/" for pk in pks),
             # the districts compared: a year with small counts ("<3" for steering)
             f"/soest/monitoring/indicators/{pks[0]}/districts/?period=2016-12-31",
             # [Soest] Tab. 5 per school: the schools compared, segregation over them
             f"/soest/monitoring/indicators/{pks[2]}/districts/",
             "/soest/monitoring/segregation/?minority=school.primary_pupils_foreign"
             "&total=school.primary_pupils"]
    if persona == "coordinator":
        pages += ["/soest/monitoring/imports/", f"/soest/monitoring/indicators/{pks[0]}/edit/"]
    for url in pages:
        page.goto(url)
        assert axe_violations(page) == [], url
    if persona == "coordinator":
        page.goto("/soest/monitoring/imports/")
        page.get_by_role("button", name="Importieren").click()
        assert axe_violations(page) == [], "import form with errors"
