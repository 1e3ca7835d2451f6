"""Run the background-job queue in a test: the real worker command, one batch.

A test that uses it asks for ``transactional_db``: the worker closes its database
connection after a task, which the rolled-back transaction of a plain test cannot survive
(PostgreSQL)."""

from django.core.management import call_command


def work_off_queue() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
