"""Report queries go to the read replica when one is configured – tested with two SQLite
databases in a process of its own (the replica: a copy of default taken before a change)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from kim.core.replica import ReplicaRouter, reporting
from tests.conftest import copy_migrated

SCRIPT = r'''
import json, shutil, sys, datetime
import django
django.setup()
from django.core.management import call_command
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled
from kim.core.domain.municipalities import create_municipality
from kim.core.models import Municipality
from kim.core.replica import reporting
from kim.core.reports.registry import reports
from kim.core.reports.service import Audience, produce

call_command("migrate", verbosity=0)
town = create_municipality("early", "Früh", "05974040")
connections.close_all()
shutil.copy(sys.argv[1], sys.argv[2])  # the replica: default as it was
create_municipality("late", "Spät", "05916000")
out = {}
with scopes_disabled():
    out["outside"] = Municipality.objects.filter(slug="late").exists()
    with reporting():
        out["inside"] = Municipality.objects.filter(slug="late").exists()
town = Municipality.objects.get(slug="early")
report = reports.get("benefit_recipients")
with scope(municipality=town), CaptureQueriesContext(connections["replica"]) as replica, \
        CaptureQueriesContext(connections["default"]) as default:
    result = produce(report, town, datetime.date(2025, 1, 31), audience=Audience.DETAIL)
out["report_on_replica"] = len(replica.captured_queries)
out["report_on_default"] = len(default.captured_queries)
out["rows"] = len(result.rows)
print(json.dumps(out))
'''


def test_reads_inside_reporting_go_to_the_replica(tmp_path, migrated_data_dir):
    data = copy_migrated(migrated_data_dir, tmp_path / "data")  # the script's migrate: a no-op
    default, replica = data / "kim.sqlite3", tmp_path / "replica.sqlite3"
    env = {**os.environ, "KIM_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "kim.settings",
           "KIM_REPLICA_DATABASE_URL": f"sqlite:///{replica}", "KIM_DEBUG": "1"}
    env.pop("DATABASE_URL", None)
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(default), str(replica)], env=env,
                         capture_output=True, text=True, timeout=300,
                         cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["outside"] is True  # default has the change
    assert out["inside"] is False  # the replica does not (yet)
    assert out["report_on_replica"] > 0
    assert out["report_on_default"] == 0
    assert out["rows"] > 0


def test_without_a_replica_the_router_stays_out(settings):
    router = ReplicaRouter()
    assert "replica" not in settings.DATABASES
    with reporting():
        assert router.db_for_read(object) is None
    assert router.db_for_write(object) is None
