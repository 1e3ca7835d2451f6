"""Demo municipalities and one login per role (the core module's part of the demo).

``load_demo()`` runs every module's demo loader in order (``KimModule.demo_loaders``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django_scopes import scope

from kim.core.audit.context import audit_context
from kim.core.domain import settings as policy
from kim.core.domain.municipalities import create_municipality, ensure_default_roles
from kim.core.domain.passwords import DEMO_PASSWORD, allow_demo_password
from kim.core.domain.twofactor import POLICY_KEY
from kim.core.domain.users import create_member
from kim.core.models import Municipality, User
from kim.core.permissions.registry import DEFAULT_ROLES

# DEMO_PASSWORD is shared by all demo accounts; printed by `kim demo`. Outside demo mode
# kim refuses it as a new password (kim/core/domain/passwords.py).
__all__ = ["DEMO_PASSWORD", "load", "load_demo", "logins"]

SOEST = ("soest-demo", "Soest (Demo)", "05974040")
HERNE = ("herne-demo", "Herne (Demo)", "05916000")

# (user name, first name, last name, default role) – all names fictitious.
SOEST_USERS = [
    ("fallarbeit", "Clara", "Wegener", "caseworker"),
    ("leistung", "Jonas", "Brinkmann", "benefits"),
    ("unterkunft", "Petra", "Hollenberg", "housing"),
    ("koordination", "Miriam", "Sauerland", "coordinator"),
    ("schule", "Tobias", "Lindhorst", "school_office"),
    ("traeger", "Aylin", "Kessler", "provider"),
    ("ehrenamt", "Frank", "Overbeck", "volunteer_coordinator"),
    ("steuerung", "Ingrid", "Rosendahl", "steering"),
    ("admin", "Stefan", "Voßkamp", "admin"),
]
HERNE_USERS = [("herne-fallarbeit", "Deniz", "Marquardt", "caseworker"),
               ("herne-admin", "Ruth", "Kleinschmidt", "admin"),
               # the integration fund ([Herne] 5.): steering group, its coordination and
               # an applicant (kim/fund/demo.py links it to its organisation)
               ("herne-steuerung", "Walter", "Brüggemann", "steering"),
               ("herne-koordination", "Nadine", "Oberhaus", "coordinator"),
               ("herne-antrag", "Lea", "Kortmann", "provider")]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    municipality: str
    role: str


def _municipality(slug: str, name: str, ags: str) -> Municipality:
    existing = Municipality.objects.filter(slug=slug).first()
    if existing:
        ensure_default_roles(existing)
        return existing
    return create_municipality(slug, name, ags)


def _users(municipality: Municipality, users: list[tuple[str, str, str, str]]) -> None:
    roles = ensure_default_roles(municipality)
    with scope(municipality=municipality), allow_demo_password():
        if not policy.history(municipality, POLICY_KEY):
            # The demo logins work without an authenticator app; the platform operator
            # (betrieb) still sets one up at the first login, as everywhere.
            policy.record(municipality, POLICY_KEY, datetime.date(2000, 1, 1), "",
                          "Demo: second factor optional for the demo logins", None)
        for username, first, last, role in users:
            if not User.objects.filter(username=username).exists():
                create_member(municipality, username=username, password=DEMO_PASSWORD,
                              roles=[roles[role]], first_name=first, last_name=last,
                              email=f"{username}@{municipality.slug}.invalid",
                              must_change_password=False)


def logins() -> list[DemoLogin]:
    """The demo logins, in the order ``kim demo`` prints them."""
    return [DemoLogin(username, slug, str(DEFAULT_ROLES[role]))
            for slug, users in ((SOEST[0], SOEST_USERS), (HERNE[0], HERNE_USERS))
            for username, _first, _last, role in users]


def load_demo() -> list[DemoLogin]:
    """Load the whole demo dataset: every module's loader, in order. Idempotent."""
    from kim.core.modules.registry import modules

    with audit_context(source="command:load_demo"):
        for loader in modules.demo_loaders():
            loader.load({m.slug: m for m in Municipality.objects.filter(
                slug__in=[SOEST[0], HERNE[0]])})
    return logins()


def load(municipalities: object = None) -> None:
    """The core module's demo loader: the two municipalities, their users, the operator."""
    with audit_context(source="command:load_demo"):
        soest = _municipality(*SOEST)
        herne = _municipality(*HERNE)
        _users(soest, SOEST_USERS)
        _users(herne, HERNE_USERS)
        if not User.objects.filter(username="betrieb").exists():
            operator = User(username="betrieb", first_name="Platform", last_name="Operator",
                            is_superuser=True, is_staff=True)
            operator.set_password(DEMO_PASSWORD)
            operator.save()
