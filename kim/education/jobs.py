"""The course and enrolment import as a background job (kim/core/domain/jobs.py), like
the person import: the upload is validated and – unless only checked – written in the
worker, all or nothing; the job page shows the progress, then the result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kim.core.models import Job
from kim.education.importers import import_courses, import_enrolments

KIND = "education.import"
IMPORTERS = {"courses": import_courses, "enrolments": import_enrolments}


def run_import(job: Job, progress: Callable[[int, int | None], None]) -> dict[str, Any]:
    params = job.params
    what = params["what"]
    result = IMPORTERS[what](job.municipality, bytes(job.data), params["filename"],
                             dry_run=params.get("dry_run", False), progress=progress)
    rows = result.validated.lines
    progress(rows, rows)
    return {
        "filename": params["filename"], "dry_run": params.get("dry_run", False),
        "what": what, "rows": rows, "written": result.written,
        "count": len(result.validated.rows),
        "errors": [{"row": e.row, "column": e.column, "problem": e.translated}
                   for e in result.errors],
    }
