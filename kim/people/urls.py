from django.urls import path

from kim.people.views import imports, persons

app_name = "people"

urlpatterns = [
    path("", persons.person_list, name="person_list"),
    path("new/", persons.person_create, name="person_create"),
    path("import/", imports.person_import, name="person_import"),
    path("<int:pk>/", persons.person_detail, name="person_detail"),
    path("<int:pk>/edit/", persons.person_edit, name="person_edit"),
    path("<int:pk>/status/new/", persons.status_add, name="status_add"),
    path("<int:pk>/vulnerabilities/new/", persons.vulnerability_add, name="vulnerability_add"),
]
