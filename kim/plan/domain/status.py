"""Reading the action plan as of a date: each measure's status then, counts, and what
changed between two dates. One query per kind of row, whatever the plan's size."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from kim.plan.models import Measure, Plan, PlanField, State, StatusEntry


def lineage(measure: Measure) -> list[Measure]:
    """The measure and its predecessors in older versions, newest first."""
    chain = [measure]
    seen = {measure.pk}
    current = measure
    while current.predecessor_id is not None and current.predecessor_id not in seen:
        current = Measure.objects.select_related("plan_field__plan").get(
            pk=current.predecessor_id)
        seen.add(current.pk)
        chain.append(current)
    return chain


def history(measure: Measure) -> list[StatusEntry]:
    """Every status entry of the measure across the versions of the plan, newest first."""
    ids = [m.pk for m in lineage(measure)]
    return list(StatusEntry.objects.filter(measure_id__in=ids)
                .select_related("measure__plan_field__plan", "author")
                .order_by("-reported_on", "-pk"))


def latest_entries(measures: list[Measure], day: datetime.date) -> dict[int, StatusEntry]:
    """Each measure's status entry in force on ``day`` (its latest up to that day; a
    measure copied into a new version without an entry yet takes its predecessor's)."""
    own = {m.pk: m for m in measures}
    ancestors = {m.pk: m.predecessor_id for m in measures if m.predecessor_id}
    ids = set(own) | set(ancestors.values())
    found: dict[int, StatusEntry] = {}
    for entry in (StatusEntry.objects.filter(measure_id__in=ids, reported_on__lte=day)
                  .order_by("reported_on", "pk")):
        found[entry.measure_id] = entry
    result = {}
    for pk in own:
        latest = found.get(pk) or found.get(ancestors.get(pk, -1))
        if latest is not None:
            result[pk] = latest
    return result


@dataclass
class FieldView:
    plan_field: PlanField
    rows: list[tuple[Measure, StatusEntry | None]] = field(default_factory=list)
    states: Counter[str] = field(default_factory=Counter)


@dataclass
class PlanView:
    plan: Plan
    day: datetime.date
    fields: list[FieldView]
    states: Counter[str]

    @property
    def measure_count(self) -> int:
        return sum(len(f.rows) for f in self.fields)

    def state_rows(self) -> list[tuple[str, str, int]]:
        return [(code, str(label), self.states.get(code, 0)) for code, label in State.choices]


def plan_as_of(plan: Plan, day: datetime.date) -> PlanView:
    """The plan with every measure's status on ``day`` (no entry: not started)."""
    plan_fields = list(plan.fields.select_related("field").prefetch_related("goals"))
    measures = list(Measure.objects.filter(plan_field__plan=plan))
    entries = latest_entries(measures, day)
    by_field: dict[int, FieldView] = {pf.pk: FieldView(pf) for pf in plan_fields}
    total: Counter[str] = Counter()
    for measure in measures:
        entry = entries.get(measure.pk)
        view = by_field[measure.plan_field_id]
        view.rows.append((measure, entry))
        state = entry.state if entry else State.NOT_STARTED
        view.states[state] += 1
        total[state] += 1
    return PlanView(plan, day, [by_field[pf.pk] for pf in plan_fields], total)


@dataclass(frozen=True)
class Change:
    measure: Measure
    before: StatusEntry | None
    after: StatusEntry

    @property
    def state_changed(self) -> bool:
        before = self.before.state if self.before else State.NOT_STARTED
        return before != self.after.state

    @property
    def progress_delta(self) -> int:
        return self.after.progress - (self.before.progress if self.before else 0)


def changes(plan: Plan, since: datetime.date, day: datetime.date) -> list[Change]:
    """Measures whose status entry in force changed after ``since`` up to ``day`` – what
    changed since the last report."""
    measures = list(Measure.objects.filter(plan_field__plan=plan)
                    .select_related("plan_field__field"))
    before = latest_entries(measures, since)
    after = latest_entries(measures, day)
    result = []
    for measure in measures:
        new = after.get(measure.pk)
        old = before.get(measure.pk)
        if new is not None and (old is None or new.pk != old.pk):
            result.append(Change(measure, old, new))
    return result
