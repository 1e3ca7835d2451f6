"""The demo loader and the kim console command."""

from io import StringIO

import pytest
from django.core.management import call_command
from django_scopes import scope

from kim.core.models import Membership, Municipality, User
from kim.core.permissions.check import has_perm


@pytest.mark.django_db
def test_load_demo_creates_one_login_per_role_and_is_idempotent():
    out = StringIO()
    call_command("load_demo", stdout=out)
    call_command("load_demo", stdout=StringIO())
    soest = Municipality.objects.get(slug="soest-demo")
    herne = Municipality.objects.get(slug="herne-demo")
    with scope(municipality=soest):
        codes = sorted(r.builtin for m in Membership.objects.all() for r in m.roles.all())
    assert codes == sorted(["caseworker", "benefits", "housing", "coordinator", "school_office",
                            "provider", "volunteer_coordinator", "steering", "admin"])
    # 9 in Soest, 5 in Herne (case work, admin, and the fund's steering group,
    # coordination and applicant), the platform operator
    assert User.objects.count() == 15
    text = out.getvalue()
    assert "fallarbeit" in text and "herne-fallarbeit" in text and "kim-demo-2026!" in text
    herne_user = User.objects.get(username="herne-fallarbeit")
    assert not has_perm(herne_user, "core.users:read", soest)
    with scope(municipality=herne):
        assert Membership.objects.filter(user=herne_user).exists()
        applicant = Membership.objects.get(user__username="herne-antrag")
        assert applicant.organisation.name == "Volkshochschule (Demo)"


@pytest.mark.django_db
def test_reset_refuses_when_real_municipalities_exist():
    from django.core.management.base import CommandError

    from kim.core.domain.municipalities import create_municipality

    create_municipality("echt", "Echte Stadt")
    with pytest.raises(CommandError, match="non-demo"):
        call_command("load_demo", "--reset", stdout=StringIO())
    assert Municipality.objects.filter(slug="echt").exists()
