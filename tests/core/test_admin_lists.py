"""The user list and the audit log are kim lists: sortable, filterable, exportable."""

import datetime as dt

from django.utils import timezone
from django_scopes import scope

from kim.core.models import AuditEntry, Role
from tests.conftest import make_member


def test_user_list_filters_sorts_and_exports_without_formulas(personas, soest):
    make_member(soest, "zora", "caseworker", first_name="Zora", last_name="Adler")
    make_member(soest, "max", "housing", first_name="=Max", last_name="Zander")
    client = personas["admin"].client()
    page = client.get("/soest/admin/users/?q=zora").content.decode()
    assert ">zora<" in page and ">max<" not in page and ">admin-soest<" not in page
    page = client.get("/soest/admin/users/?sort=-username").content.decode()
    assert page.index(">zora<") < page.index(">max<")
    assert 'aria-sort="descending"' in page and 'data-label="Rollen"' in page
    with scope(municipality=soest):
        housing = Role.objects.get(builtin="housing")
    lines = client.get(f"/soest/admin/users/?role={housing.pk}&sort=username&format=csv"
                       ).content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Name,Benutzername,Rollen,Zugang"
    assert [line.split(",")[1] for line in lines[1:]] == ["housing-soest", "max"]
    assert lines[2] == "'=Max Zander,max,Unterkunftsverwaltung,aktiv"


def test_audit_log_sorts_by_time_and_user_and_keeps_the_filter_in_the_export(personas, soest):
    now = timezone.now()
    with scope(municipality=soest):
        for name, days in (("bert", 3), ("anna", 1), ("carl", 2)):
            AuditEntry.objects.create(municipality=soest, actor_name=name, action="update",
                                      model="core.area", object_id="1",
                                      timestamp=now - dt.timedelta(days=days))
    client = personas["admin"].client()
    page = client.get("/soest/admin/audit/?model=core.area").content.decode()
    assert page.index(">anna") < page.index(">carl") < page.index(">bert")  # newest first
    page = client.get("/soest/admin/audit/?model=core.area&sort=user").content.decode()
    assert page.index(">anna") < page.index(">bert") < page.index(">carl")
    page = client.get("/soest/admin/audit/?model=core.area&sort=time").content.decode()
    assert page.index(">bert") < page.index(">carl") < page.index(">anna")
    lines = client.get("/soest/admin/audit/?model=core.area&sort=time&format=csv").content.decode(
        "utf-8-sig").splitlines()
    assert [line.split(",")[2] for line in lines[1:]] == ["bert", "carl", "anna"]


def test_phones_get_the_sort_links_above_the_cards(personas, soest):
    """On a phone the header row is hidden (stacked cards): the same sort links, filter
    kept, stand above the list; the sorted column is marked."""
    page = personas["admin"].client().get("/soest/admin/users/?q=a&sort=-username"
                                          ).content.decode()
    bar = page[page.index('<p class="sort-phone no-print">'):]
    bar = bar[:bar.index("</p>")]
    assert bar.startswith('<p class="sort-phone no-print">Sortieren nach: ')
    assert '<a href="?q=a&amp;sort=username" aria-current="true">Benutzername ▼</a>' in bar
    assert '<a href="?q=a&amp;sort=name">Name</a>' in bar
    assert bar.count("<a ") == page.count('class="sort-link"')  # the sortable columns
    assert not bar.rstrip().endswith("·")
