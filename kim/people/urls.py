from django.urls import path

from kim.people.views import (
    access_export,
    children,
    deadlines,
    households,
    imports,
    merge,
    persons,
)

app_name = "people"

urlpatterns = [
    path("", persons.person_list, name="person_list"),
    path("new/", persons.person_create, name="person_create"),
    path("import/", imports.person_import, name="person_import"),
    path("children/", children.children_list, name="children_list"),
    path("children/<int:pk>/", children.child_detail, name="child_detail"),
    path("deadlines/", deadlines.deadline_list, name="deadline_list"),
    path("<int:pk>/", persons.person_detail, name="person_detail"),
    path("<int:pk>/edit/", persons.person_edit, name="person_edit"),
    path("<int:pk>/access-export/", access_export.person_access_export,
         name="person_access_export"),
    path("<int:pk>/duplicates/", merge.person_duplicates, name="person_duplicates"),
    path("<int:pk>/merge/<int:other>/", merge.person_merge, name="person_merge"),
    path("<int:pk>/status/new/", persons.status_add, name="status_add"),
    path("<int:pk>/status/<int:status>/edit/", persons.status_edit, name="status_edit"),
    path("<int:pk>/status/<int:status>/delete/", persons.status_delete, name="status_delete"),
    path("<int:pk>/vulnerabilities/new/", persons.vulnerability_add, name="vulnerability_add"),
    path("households/", households.household_list, name="household_list"),
    path("households/choices/", households.household_choices, name="household_choices"),
    path("households/<int:pk>/", households.household_detail, name="household_detail"),
    path("households/<int:pk>/split/", households.household_change, {"action": "split"},
         name="household_split"),
    path("households/<int:pk>/merge/", households.household_change, {"action": "merge"},
         name="household_merge"),
]
