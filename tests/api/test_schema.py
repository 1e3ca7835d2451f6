"""The OpenAPI document: valid OpenAPI 3, every endpoint in it, docs from the package."""

import pytest
import yaml
from openapi_spec_validator import validate

from kim.api.endpoints import endpoints

pytestmark = pytest.mark.django_db


def schema(client) -> dict:
    r = client.get("/api/v1/schema")
    assert r.status_code == 200
    return yaml.safe_load(r.content)


def test_schema_is_valid_openapi_3(client):
    doc = schema(client)
    assert doc["openapi"].startswith("3.")
    validate(doc)


def test_every_endpoint_and_method_is_documented(client):
    paths = schema(client)["paths"]
    for _module, e in endpoints():
        documented = "/api/v1/{municipality}/" + e.route.replace("<int:pk>", "{id}")
        assert documented in paths, documented
        assert {m.lower() for m in e.permissions} <= set(paths[documented]), documented


def test_docs_page_loads_nothing_from_outside(client):
    r = client.get("/api/v1/docs/")
    assert r.status_code == 200
    page = r.content.decode()
    assert "swagger-ui" in page
    assert "https://" not in page and "http://" not in page.replace(
        "http://testserver", "")
    assert "<script>" not in page  # the CSP forbids inline scripts: all come as files
