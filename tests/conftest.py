"""Shared fixtures: two municipalities and a named persona for every default role."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.test import Client
from django_scopes import scope, scopes_disabled

from kim.core.domain.municipalities import create_municipality, ensure_default_roles
from kim.core.domain.users import create_member
from kim.core.models import Membership, Municipality, User
from kim.core.permissions.registry import DEFAULT_ROLES

PASSWORD = "Test-Passwort-2026!"


@dataclass
class Persona:
    name: str
    user: User | None
    municipality: Municipality | None

    def client(self) -> Client:
        client = Client()
        if self.user is not None:
            client.force_login(self.user)
        return client


def make_member(municipality: Municipality, username: str, *roles: str, **extra) -> Membership:
    defaults = ensure_default_roles(municipality)
    with scope(municipality=municipality):
        return create_member(municipality, username=username, password=PASSWORD,
                             roles=[defaults[r] for r in roles], must_change_password=False,
                             **extra)


@pytest.fixture
def soest(db) -> Municipality:
    return create_municipality("soest", "Soest", "05974040")


@pytest.fixture
def herne(db) -> Municipality:
    return create_municipality("herne", "Herne", "05916000")


@pytest.fixture
def personas(soest, herne) -> dict[str, Persona]:
    """``anonymous``, one persona per default role in Soest, ``foreign`` (a Herne caseworker)."""
    result = {"anonymous": Persona("anonymous", None, None)}
    for role in DEFAULT_ROLES:
        member = make_member(soest, f"{role}-soest", role)
        result[role] = Persona(role, member.user, soest)
    foreign = make_member(herne, "caseworker-herne", "caseworker")
    result["foreign"] = Persona("foreign", foreign.user, herne)
    return result


@pytest.fixture
def admin_client(personas) -> Client:
    return personas["admin"].client()


@pytest.fixture
def in_soest(soest):
    with scope(municipality=soest):
        yield soest


@pytest.fixture
def unscoped():
    with scopes_disabled():
        yield


def totp_code(device) -> str:
    """The code an authenticator app shows now for ``device`` (the next time step if this
    one was used already: a code is accepted once)."""
    import time

    from django_otp.oath import TOTP

    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    ahead = device.last_t + 1 - totp.t()
    if ahead > device.tolerance:  # wait until the step after the last used one is near
        time.sleep((ahead - device.tolerance) * device.step - totp.time % device.step + 0.1)
        totp.time = time.time()
        ahead = device.last_t + 1 - totp.t()
    if ahead > 0:
        totp.time += device.step * ahead
    return f"{totp.token():0{device.digits}d}"


def with_second_factor(user):
    """Give ``user`` a confirmed authenticator app; returns the device."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=user, name="kim", confirmed=True)


@pytest.fixture(scope="session")
def migrated_data_dir(tmp_path_factory) -> Path:
    """A data directory as a fresh production install leaves it: ``kim migrate`` (SQLite,
    production settings, the usual umask 022) run once per test session. Tests that need an
    installed kim in a process of its own copy it (``copy_migrated``) instead of migrating
    again (~15 s each); the hardening test checks the file modes on this one."""
    data = tmp_path_factory.mktemp("installed") / "data"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY",
                                                            "KIM_SECRET_KEY")}
    env.update(KIM_DATA_DIR=str(data), DJANGO_SETTINGS_MODULE="kim.settings")
    subprocess.run([sys.executable, "-m", "kim.manage", "migrate", "-v", "0"], env=env,
                   check=True, timeout=300, umask=0o022, cwd=Path(__file__).parents[1])
    return data


def copy_migrated(template: Path, target: Path) -> Path:
    """A private copy of the migrated data directory at ``target`` (modes kept)."""
    shutil.copytree(template, target)
    return target
