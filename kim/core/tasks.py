"""Tasks of the queue (django-tasks). Only ids travel through the queue; the work is in
kim/core/domain/jobs.py."""

from django_tasks import task


@task()
def run_job(job_id: int) -> None:
    from kim.core.domain.jobs import execute

    execute(job_id)
