"""Queries per page must not grow with the data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from kim.core.models import Role
from tests.conftest import make_member


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def add_members(municipality, n, start):
    with scope(municipality=municipality):
        roles = list(Role.objects.filter(builtin__in=["caseworker", "benefits"]))
    for i in range(start, start + n):
        member = make_member(municipality, f"user{i:04d}", "caseworker")
        with scope(municipality=municipality):
            member.roles.add(*roles)


def test_start_page_and_user_list_queries_are_constant(personas, soest):
    client = personas["admin"].client()
    add_members(soest, 3, 0)
    small = {url: count_queries(client, url) for url in ("/soest/", "/soest/admin/users/")}
    add_members(soest, 40, 100)
    large = {url: count_queries(client, url) for url in ("/soest/", "/soest/admin/users/")}
    assert large == small
    assert small["/soest/admin/users/"] <= 13  # 12 + the roles of the filter
