"""Run the background-job queue in a test: the real worker command, one batch."""

from django.core.management import call_command


def work_off_queue() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
