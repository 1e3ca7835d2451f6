"""The conformance world: every module's world builder, in Soest and in Herne."""

import pytest
from django.utils import translation

from tests.conformance.routes import build_world


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


@pytest.fixture
def users(personas):
    return {name: p.user for name, p in personas.items() if p.user is not None}


@pytest.fixture
def world(personas, users, soest):
    build_world(soest, users, 1)
    return soest


@pytest.fixture
def foreign_world(personas, herne):
    foreign = {"caseworker": personas["foreign"].user}
    build_world(herne, {**dict.fromkeys(("caseworker",), foreign["caseworker"])}, 1)
    return herne
