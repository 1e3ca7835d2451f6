"""The demo's 2019 concept ([Soest] 5.x.3) through ``kim report action_plan``, and the
council report's sections."""

import datetime
import json
from collections import Counter
from io import StringIO

from django.core.management import call_command
from django_scopes import scope

from kim.plan import demo
from kim.plan.domain.council import bar, context
from kim.plan.models import Plan


def report(slug, *extra):
    out = StringIO()
    call_command("report", "action_plan", "--municipality", slug, "--format", "json",
                 *extra, stdout=out)
    return json.loads(out.getvalue())


def test_demo_concept_lists_23_measures_in_6_fields(soest):
    demo.load(soest)
    demo.load(soest)  # idempotent
    data = report("soest", "--as-of", "2026-06-30")
    rows = data["rows"]
    assert data["report"] == "action_plan" and data["as_of"] == "2026-06-30"
    assert len(rows) == 23
    assert Counter(r["field_number"] for r in rows) == {1: 4, 2: 4, 3: 3, 4: 3, 5: 6, 6: 3}
    assert [r["number"] for r in rows][:5] == ["1.1", "1.2", "1.3", "1.4", "2.1"]
    assert rows[-1]["number"] == "6.3"
    assert {r["field_code"] for r in rows} == {
        "language", "kita_school", "vocational_college", "work_qualification", "housing",
        "leisure_participation"}
    by_number = {r["number"]: r for r in rows}
    assert by_number["2.4"]["state_code"] == "stopped"
    assert by_number["1.3"]["horizon_code"] == "short"
    assert (by_number["4.1"]["state_code"], by_number["4.1"]["progress"]) == ("done", 100)
    # before the concept was adopted there is no plan in force
    assert report("soest", "--as-of", "2019-01-01")["rows"] == []
    early = {r["number"]: r for r in report("soest", "--as-of", "2019-12-31")["rows"]}
    assert early["4.1"]["state_code"] == "not_started"
    assert early["1.1"]["state_code"] == "in_progress"


def test_council_report_sections_and_chart(soest):
    demo.load(soest)
    with scope(municipality=soest):
        plan = Plan.objects.get()
        ctx = context(plan, datetime.date(2024, 6, 30), datetime.date(2023, 6, 30))
    assert [s["view"].plan_field.number for s in ctx["sections"]] == [1, 2, 3, 4, 5, 6]
    assert sum(s.count for s in ctx["total_bar"]) == 23
    assert abs(sum(s.width for s in ctx["total_bar"]) - 160.0) < 0.05
    # every measure had a new entry on 31.03.2024, except those ended before
    assert len(ctx["changes"]) == 23 - 4
    assert bar({}) == []
