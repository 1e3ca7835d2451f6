"""The retention run: every module's ``RetentionRule`` for one municipality, with the
periods in force today (``PolicySetting``), in one transaction, and the deletion log.

A rule's cutoff is today minus its period; a per-person rule's cutoff is moved up to the
final rule's (the person's anonymisation), so no category outlives the person's identity.
The deletion log (``RetentionLogEntry``) records per rule what kind of data, how many
records, which period and cutoff, when and by whom – never what was deleted.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from kim.core.audit.context import audit_context
from kim.core.domain.settings import setting
from kim.core.models import Municipality, RetentionLogEntry
from kim.core.modules import RetentionRule, RetentionScope
from kim.core.modules.registry import modules
from kim.rules.dates import add_years


@dataclass(frozen=True)
class RuleResult:
    rule: RetentionRule
    years: int
    cutoff: datetime.date
    count: int


def cutoffs(municipality: Municipality,
            today: datetime.date) -> list[tuple[RetentionRule, int, datetime.date]]:
    """(rule, period in years, cutoff) for every rule, in order."""
    rules = modules.retention_rules()
    periods = {r.key: int(setting(municipality, r.setting, today)) for r in rules}
    final = [add_years(today, -periods[r.key]) for r in rules if r.final]
    result = []
    for rule in rules:
        cutoff = add_years(today, -periods[rule.key])
        if rule.per_person and final:
            cutoff = max(cutoff, final[0])
        result.append((rule, periods[rule.key], cutoff))
    return result


def run(municipality: Municipality, today: datetime.date, *, dry_run: bool,
        source: str, actor_name: str, actor: Any = None) -> list[RuleResult]:
    """Apply every rule (or count what is due, in a dry run). Must run in the
    municipality's scope. All or nothing: one transaction."""
    results = []
    run_id = uuid.uuid4()
    with transaction.atomic(), audit_context(source=source, municipality_id=municipality.pk,
                                             actor=actor):
        for rule, years, cutoff in cutoffs(municipality, today):
            count = rule.erase(RetentionScope(municipality, today, cutoff, dry_run))
            results.append(RuleResult(rule, years, cutoff, count))
            if not dry_run:
                RetentionLogEntry.objects.create(
                    municipality=municipality, run=run_id, rule=rule.key, action=rule.action,
                    years=years, cutoff=cutoff, count=count, source=source,
                    actor_name=actor_name[:150])
        if dry_run:
            transaction.set_rollback(True)  # nothing a rule might have touched stays
    return results


def log(municipality: Municipality) -> QuerySet[RetentionLogEntry]:
    return RetentionLogEntry.objects.filter(municipality=municipality).order_by("-ran_at",
                                                                                "rule")


def rule_labels() -> dict[str, Any]:
    return {r.key: r.label for r in modules.retention_rules()}
