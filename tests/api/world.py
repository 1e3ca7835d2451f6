"""The API's part of the conformance world: an open token of the caseworker."""

from kim.api.tokens import issue


def build(municipality, users, n):
    for i in range(n):
        issue(users["caseworker"], municipality, name=f"world {i}", access="write")
