"""The course and enrolment import as a background job (kim/core/domain/jobs.py), like
the person import: the upload is validated and – unless only checked – written in the
worker, all or nothing; the job page shows the progress, then the result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kim.core.models import Job
from kim.core.permissions.check import granted
from kim.education.access import MANAGE, organisation_id
from kim.education.importers import ALL_PROVIDERS, import_courses, import_enrolments


def import_restriction(user: Any, municipality: Any) -> object:
    """Whose courses the user may import: every provider's (``ALL_PROVIDERS``) for who
    manages all courses, else only their own organisation's (None: no organisation, so
    no row can pass)."""
    if MANAGE in granted(user, municipality):
        return ALL_PROVIDERS
    return organisation_id(user, municipality)

# One kind per permission: a provider may import its own courses, never referrals (a
# referral is the grant to a person's card).
KINDS = {"courses": "education.course_import", "enrolments": "education.import"}


def run_import(job: Job, progress: Callable[[int, int | None], None]) -> dict[str, Any]:
    params = job.params
    what = next(w for w, kind in KINDS.items() if kind == job.kind)  # the kind's permission
    options: dict[str, Any] = {}
    if what == "courses":  # decided when the job runs, from the user's rights then
        options["own_provider"] = import_restriction(job.created_by, job.municipality)
    importer = import_courses if what == "courses" else import_enrolments
    result = importer(job.municipality, bytes(job.data), params["filename"],
                      dry_run=params.get("dry_run", False), progress=progress, **options)
    rows = result.validated.lines
    progress(rows, rows)
    return {
        "filename": params["filename"], "dry_run": params.get("dry_run", False),
        "what": what, "rows": rows, "written": result.written,
        "count": len(result.validated.rows),
        "errors": [{"row": e.row, "column": e.column, "problem": e.translated}
                   for e in result.errors],
    }
