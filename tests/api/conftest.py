import pytest
from django.test import Client
from django_scopes import scope

from kim.api.tokens import issue


def token_for(user, municipality, access="read", modules=(), days=30) -> str:
    with scope(municipality=municipality):
        return issue(user, municipality, name="test", access=access, modules=modules,
                     days=days).raw


class Api:
    """A client that sends a bearer token and JSON."""

    def __init__(self, raw: str) -> None:
        # messages in English here; German is the default (test_persons)
        self.client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}", HTTP_ACCEPT_LANGUAGE="en")

    def get(self, url, **headers):
        return self.client.get(url, headers=headers)

    def post(self, url, data, **headers):
        return self.client.post(url, data, content_type="application/json", headers=headers)

    def patch(self, url, data, **headers):
        return self.client.patch(url, data, content_type="application/json", headers=headers)


@pytest.fixture
def api_of(personas):
    def make(persona, access="write", modules=()):
        p = personas[persona]
        return Api(token_for(p.user, p.municipality, access, modules))
    return make
