"""Settings from the environment and the production security checklist."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_kim(*args, env_extra, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIM_", "DATABASE_URL"))}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update({"KIM_DATA_DIR": str(tmp_path), **env_extra})
    return subprocess.run([sys.executable, "-m", "kim", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_passes_with_production_settings(tmp_path):
    result = run_kim("check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path,
                     env_extra={"SECRET_KEY": "x" * 20 + "Yz9!" * 15,
                                "KIM_ALLOWED_HOSTS": "kim.example.org"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_debug_defaults_off_and_security_on(tmp_path):
    code = ("from django.conf import settings as s; "
            "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS,"
            " s.DATABASES['default']['ENGINE'])")
    result = run_kim("shell", "-v", "0", "-c", code, tmp_path=tmp_path, env_extra={})
    assert result.stdout.split() == ["False", "True", "True", "31536000",
                                     "django.db.backends.sqlite3"]
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_database_url_and_bad_values_are_reported(tmp_path):
    code = "from django.conf import settings as s; print(s.DATABASES['default']['NAME'])"
    result = run_kim("shell", "-v", "0", "-c", code, tmp_path=tmp_path,
                     env_extra={"DATABASE_URL": "postgres://u:p@db.example.org:5432/kimprod"})
    assert result.stdout.strip() == "kimprod"
    bad = run_kim("check", tmp_path=tmp_path, env_extra={"KIM_SESSION_IDLE_MINUTES": "lang"})
    assert bad.returncode != 0
    assert "KIM_SESSION_IDLE_MINUTES must be a whole number" in bad.stderr


@pytest.mark.django_db
def test_security_headers(client):
    response = client.get("/accounts/login/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert len(response["X-Request-ID"]) == 32
