"""``kim backup create/restore`` on a SQLite installation: a restore brings back exactly
the state of the backup (database, documents), and bad archives are refused."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import copy_migrated

ROOT = Path(__file__).resolve().parents[2]
KIM = [sys.executable, "-m", "kim"]


def _run(env, *args):
    result = subprocess.run([*KIM, *args], env=env, capture_output=True, text=True,
                            timeout=300, cwd=ROOT)
    return result


def _towns(env):
    code = ("import django; django.setup(); from django_scopes import scopes_disabled; "
            "from kim.core.models import Municipality\n"
            "with scopes_disabled(): print(sorted(Municipality.objects.values_list("
            "'slug', flat=True)))")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=300, cwd=ROOT).stdout.strip()


def _create_town(env, slug):
    code = ("import django; django.setup(); from kim.core.domain.municipalities import "
            f"create_municipality; create_municipality({slug!r}, {slug!r}, '05974040')")
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=300, cwd=ROOT)


def test_restore_brings_back_the_backup(tmp_path, migrated_data_dir):
    data = copy_migrated(migrated_data_dir, tmp_path / "data")
    env = {**os.environ, "KIM_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "kim.settings",
           "KIM_DEBUG": "1"}
    env.pop("DATABASE_URL", None)
    _create_town(env, "vorher")
    (data / "documents").mkdir(exist_ok=True)
    (data / "documents" / "a.txt").write_text("vorher")
    archive = tmp_path / "kim-backup.tar.gz"
    made = _run(env, "backup", "create", str(archive))
    assert made.returncode == 0, made.stderr
    assert (made.stdout, archive.stat().st_mode & 0o777) == ("", 0o600)
    _create_town(env, "nachher")
    (data / "documents" / "a.txt").write_text("nachher")
    assert _towns(env) == "['nachher', 'vorher']"
    restored = _run(env, "backup", "restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    assert _towns(env) == "['vorher']"
    assert (data / "documents" / "a.txt").read_text() == "vorher"


def test_bad_archives_are_refused_in_one_line(tmp_path):
    env = {**os.environ, "KIM_DATA_DIR": str(tmp_path / "data"),
           "DJANGO_SETTINGS_MODULE": "kim.settings", "KIM_DEBUG": "1"}
    env.pop("DATABASE_URL", None)
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not an archive")
    result = _run(env, "backup", "restore", str(junk))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("CommandError: file: not a kim backup")
    assert len(result.stderr.strip().splitlines()) == 1
