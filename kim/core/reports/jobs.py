"""Big report exports as background jobs (kim/core/domain/jobs.py; issue 13 item 11).

When does an export wait in the queue? A PDF or XLSX of any report, when the
municipality holds at least ``KIM_REPORT_BACKGROUND_RECORDS`` (default 2 000) records of
personal data – the models the modules declare as personal or restricted in their audit
rules (persons, stays, statuses …): the figures of every report are computed from those,
so their number is the cheap estimate of the work (a count per model, no report run).
CSV and JSON stay immediate (scripts and the API read them), as does everything in a
smaller municipality, so an installation without a running worker still exports there.

The worker computes the report as the user who asked may see it (detail or aggregate,
checked again when it runs), renders the file and stores it under
``MEDIA_ROOT/<municipality id>/reports/<job id>.<ext>`` (0600), where the job page offers
it to that user only.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from kim.core.models import Area, Job, Municipality, User
from kim.core.modules.registry import modules
from kim.core.reports.registry import Report, ReportParams, reports
from kim.core.reports.renderers import FORMATS
from kim.core.reports.service import audience_for, produce

KIND = "core.report_export"
BACKGROUND_FORMATS = ("xlsx", "pdf")
DEFAULT_THRESHOLD = 2000
FORMAT_LABELS = {"xlsx": "Excel (XLSX)", "pdf": "PDF"}


def threshold() -> int:
    return int(getattr(settings, "KIM_REPORT_BACKGROUND_RECORDS", DEFAULT_THRESHOLD))


def personal_records(municipality: Municipality, stop_at: int | None = None) -> int:
    """Records of personal data the municipality holds (stops counting at ``stop_at``)."""
    labels = {*modules.personal_models(), *modules.restricted_models()}
    total = 0
    with scopes_disabled():
        for label in sorted(labels):
            try:
                model = apps.get_model(label)
            except (LookupError, ValueError):
                continue
            if not any(f.name == "municipality" for f in model._meta.fields):
                continue
            total += model._default_manager.filter(municipality=municipality).count()
            if stop_at is not None and total >= stop_at:
                break
    return total


def runs_in_background(fmt: str, municipality: Municipality) -> bool:
    """The rule in this module's docstring."""
    limit = threshold()
    return fmt in BACKGROUND_FORMATS and personal_records(municipality, limit) >= limit


def start_export(municipality: Municipality, user: User, report: Report, fmt: str,
                 params: ReportParams) -> Job:
    from kim.core.domain import jobs

    title = _("%(report)s as %(format)s") % {"report": report.title,
                                             "format": FORMAT_LABELS.get(fmt, fmt)}
    return jobs.start(municipality, user, KIND, title, params={
        "report": report.name, "format": fmt, "as_of": params.as_of.isoformat(),
        "period_start": params.period_start.isoformat() if params.period_start else None,
        "area": params.area.pk if params.area is not None else None})


def file_path(job: Job) -> Path:
    ext = job.params.get("format", "bin")
    return Path(settings.MEDIA_ROOT) / str(job.municipality_id) / "reports" / f"{job.pk}.{ext}"


def store(job: Job, content: bytes) -> Path:
    path = file_path(job)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_bytes(content)
    path.chmod(0o600)
    return path


def remove_file(job: Job) -> None:
    """The job's file, if it wrote one (jobs of other kinds write none)."""
    if job.kind == KIND:
        file_path(job).unlink(missing_ok=True)


def _params(job: Job) -> ReportParams:
    p = job.params
    area = Area.objects.filter(pk=p["area"]).first() if p.get("area") else None
    start = p.get("period_start")
    return ReportParams(as_of=datetime.date.fromisoformat(p["as_of"]),
                        period_start=datetime.date.fromisoformat(start) if start else None,
                        area=area)


def run_export(job: Job, progress: Callable[[int, int | None], None]) -> dict[str, Any]:
    """The worker's part: compute, render, store; the result names the file."""
    name, fmt = job.params["report"], job.params["format"]
    if name not in reports or fmt not in BACKGROUND_FORMATS:
        return {"refused": True}
    report = reports.get(name)
    audience = audience_for(job.created_by, report, job.municipality)
    if audience is None:  # the user lost the report since asking for it
        return {"refused": True}
    result = produce(report, job.municipality, _params(job), audience=audience)
    content = FORMATS[fmt].render(result)
    store(job, content)
    return {"filename": result.filename(fmt), "size": len(content),
            "content_type": FORMATS[fmt].content_type, "format": FORMAT_LABELS[fmt],
            "report": str(report.title)}
