"""Background jobs: start one, run it in the worker, show its progress.

A view calls :func:`start` with the module's job kind (``KimModule.jobs``); the job is
stored and handed to the task queue (django-tasks with its database backend: a real queue
on SQLite and PostgreSQL, no other server; the worker is ``kim db_worker``, which
``kim demo`` starts next to the web server). The worker calls :func:`execute`: inside the
job's municipality scope and audit context (the user who started it, source
``job:<id>``) it runs the kind's function with a progress callback, stores the result and
removes the uploaded input. A failure is stored as a message for the user; the traceback
goes to the log only.

Finished jobs are kept for ``core.job_keep_days`` days (a dated setting, default 7): their
results and report files can hold person data, which must not lie around (Art. 5 (1) (e)
GDPR). Each finished job and each ``kim retention run`` removes the older ones with
their files (:func:`prune`).
"""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from kim.core.audit.context import audit_context
from kim.core.domain.settings import setting
from kim.core.models import Job, Municipality, User
from kim.core.modules import JobKind
from kim.core.modules.registry import modules
from kim.core.permissions.check import has_perm

log = logging.getLogger(__name__)
PROGRESS_EVERY = 0.5  # seconds between two progress writes
KEEP_DAYS = "core.job_keep_days"


def kind_of(key: str) -> JobKind:
    return modules.job_kinds()[key]


def known_kind(key: str) -> JobKind | None:
    """The kind, or None when its module is no longer installed."""
    return modules.job_kinds().get(key)


def start(municipality: Municipality, user: User, key: str, title: str, *,
          params: Mapping[str, Any] | None = None, data: bytes = b"") -> Job:
    """Store the job and put it on the queue (after the surrounding transaction commits,
    so the worker finds the row)."""
    kind = kind_of(key)
    if not has_perm(user, kind.permission, municipality):
        raise PermissionError(kind.permission)
    params = {"language": translation.get_language(), **(params or {})}
    job = Job.objects.create(municipality=municipality, created_by=user, kind=key,
                             title=title[:200], params=params, data=data)
    from kim.core.tasks import run_job

    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job


def jobs_of(user: User, municipality: Municipality) -> Any:
    """The user's own jobs in the municipality, newest first (a job's result can hold
    person data, so nobody else sees it)."""
    return Job.objects.filter(municipality=municipality, created_by=user).defer("data")


class _Progress:
    def __init__(self, job: Job) -> None:
        self.job, self.last = job, 0.0

    def __call__(self, done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - self.last < PROGRESS_EVERY and (total is None or done < total):
            return
        self.last = now
        with scopes_disabled():
            Job.objects.filter(pk=self.job.pk).update(done=done, total=total)


def execute(job_id: int) -> None:
    """Run the job ``job_id`` once (the worker's entry point)."""
    with scopes_disabled():
        job = Job.objects.select_related("municipality", "created_by").get(pk=job_id)
        if job.status != Job.Status.QUEUED:
            return  # already run (a retried task): never twice
        Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING,
                                             started_at=timezone.now())
    status, result, error = Job.Status.FAILED, {}, ""
    try:
        kind = kind_of(job.kind)
        user = job.created_by
        if user is None or not has_perm(user, kind.permission, job.municipality):
            error = _("You no longer have the permission this job needs.")
        else:
            with scope(municipality=job.municipality), audit_context(
                    actor=user, municipality_id=job.municipality_id, source=f"job:{job.pk}"
            ), translation.override(job.params.get("language")):
                result = dict(kind.run(job, _Progress(job)))
            status = Job.Status.DONE
    except Exception:
        log.exception("background job %s (%s) failed", job.pk, job.kind)
        error = _("The job stopped because of an internal error. Please try again or tell "
                  "your administration.")
    with scopes_disabled():
        Job.objects.filter(pk=job.pk).update(status=status, result=result, error=error,
                                             data=b"", finished_at=timezone.now())
    prune(job.municipality)


def keep_days(municipality: Municipality) -> int:
    """Days finished jobs are kept, as in force today."""
    with scopes_disabled():  # the query names the municipality; the worker has no scope
        return int(setting(municipality, KEEP_DAYS, timezone.localdate()))


def prune(municipality: Municipality) -> int:
    """Delete the municipality's jobs that finished more than the kept days ago, with the
    files they wrote; returns how many. Jobs waiting or running are never touched."""
    from kim.core.reports.jobs import remove_file

    now = timezone.now()
    days = keep_days(municipality)
    with scopes_disabled():
        old = list(Job.objects.filter(
            municipality=municipality, status__in=(Job.Status.DONE, Job.Status.FAILED),
            finished_at__lt=now - datetime.timedelta(days=days)).defer("data"))
        for job in old:
            remove_file(job)
        Job.objects.filter(pk__in=[job.pk for job in old]).delete()
    return len(old)
