"""``kim monitoring refresh``: refugees per district computed from persons and statuses."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django_scopes import scope

from kim.core.models import Area
from kim.monitoring.models import Observation
from tests.people.factories import PersonFactory, StatusFactory

DAY = datetime.date(2018, 12, 31)


def test_refresh_counts_refugee_statuses_by_district(soest):
    with scope(municipality=soest):
        sued = Area.objects.create(municipality=soest, name="Süd")
        for code, area, since in (("gestattung", sued, DAY), ("refugee", sued, DAY),
                                  ("duldung", None, DAY),
                                  ("settled", sued, DAY),  # not a refugee status
                                  ("gestattung", sued, DAY + datetime.timedelta(days=1))):
            StatusFactory(person=PersonFactory(municipality=soest, area=area), code=code,
                          valid_from=since)
        # a person whose later status is "settled" no longer counts
        later = PersonFactory(municipality=soest, area=sued)
        StatusFactory(person=later, code="gestattung", valid_from=datetime.date(2016, 1, 1))
        StatusFactory(person=later, code="settled", valid_from=datetime.date(2018, 6, 1))
    out = io.StringIO()
    call_command("monitoring", "refresh", "--municipality", "soest", "--as-of", "2018-12-31",
                 stdout=out)
    assert out.getvalue() == "2 observations computed for 2018-12-31\n"
    with scope(municipality=soest):
        found = {(o.area.name if o.area else None): (o.value, o.computed)
                 for o in Observation.objects.filter(indicator__code="pop.refugees")}
    assert found == {"Süd": (Decimal(2), True), None: (Decimal(3), True)}
    call_command("monitoring", "refresh", "--municipality", "soest", "--as-of", "2018-12-31",
                 stdout=io.StringIO())
    with scope(municipality=soest):
        assert Observation.objects.count() == 2  # refreshed, not doubled


@pytest.mark.parametrize(("args", "message"), [
    (["--municipality", "nirgendwo"], "unknown municipality 'nirgendwo'"),
    (["--municipality", "soest", "--as-of", "31.12.2018"],
     "--as-of '31.12.2018' is not a date (YYYY-MM-DD)")])
def test_refresh_errors(soest, args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("monitoring", "refresh", *args)
