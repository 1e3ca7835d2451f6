"""The person import as a background job (kim/core/domain/jobs.py): the upload is
validated and written in the worker; the page follows its progress."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kim.core.models import Job
from kim.people.importers.persons import import_persons

KIND = "people.import_persons"


def run_import(job: Job, progress: Callable[[int, int | None], None]) -> dict[str, Any]:
    """Validate (and unless a dry run, write) the uploaded file; the result as the job
    page shows it, translated into the language of the user who started the job."""
    params = job.params
    result = import_persons(job.municipality, bytes(job.data), params["filename"],
                            dry_run=params.get("dry_run", False), progress=progress)
    progress(result.rows, result.rows)
    return {
        "filename": params["filename"], "dry_run": params.get("dry_run", False),
        "rows": result.rows, "created": result.created, "updated": result.updated,
        "written": result.written,
        "errors": [{"row": e.row, "column": e.column, "problem": e.translated}
                   for e in result.errors],
        "duplicates": [{"row": row, "person_id": m.person_id if m and m.person_id > 0
                        else None, "file_row": m.file_row if m else None,
                        "label": m.label if m else "", "reasons": ", ".join(m.reasons)
                        if m else "", "more": more}
                       for row, m, more in result.duplicates_lines()],
    }
