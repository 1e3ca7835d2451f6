from django.urls import path

from kim.volunteers.views import access_export, matches, offers, pool, requests

app_name = "volunteers"

# Included under "<slug:municipality>/volunteers/" by kim/urls.py.
urlpatterns = [
    path("", pool.volunteer_list, name="volunteer_list"),
    path("new/", pool.volunteer_create, name="volunteer_create"),
    path("<int:pk>/", pool.volunteer_detail, name="volunteer_detail"),
    path("<int:pk>/edit/", pool.volunteer_edit, name="volunteer_edit"),
    path("<int:pk>/access-export/", access_export.volunteer_access_export,
         name="volunteer_access_export"),
    path("groups/new/", pool.group_create, name="group_create"),
    path("requests/", requests.request_list, name="request_list"),
    path("requests/new/", requests.request_create, name="request_create"),
    path("requests/<int:pk>/", requests.request_detail, name="request_detail"),
    path("requests/<int:pk>/edit/", requests.request_edit, name="request_edit"),
    path("requests/<int:pk>/withdraw/", requests.request_withdraw, name="request_withdraw"),
    path("my-requests/", requests.own_list, name="own_list"),
    path("my-requests/new/", requests.own_create, name="own_create"),
    path("my-requests/households/", requests.own_households, name="own_households"),
    path("my-requests/<int:pk>/", requests.own_detail, name="own_detail"),
    path("my-requests/<int:pk>/withdraw/", requests.own_withdraw, name="own_withdraw"),
    path("propose/", matches.propose, name="propose"),
    path("assignments/", matches.match_list, name="match_list"),
    path("assignments/<int:pk>/", matches.match_detail, name="match_detail"),
    path("assignments/<int:pk>/next/", matches.match_advance, name="match_advance"),
    path("assignments/<int:pk>/end/", matches.match_end, name="match_end"),
    path("assignments/<int:pk>/hours/", matches.match_hours, name="match_hours"),
    path("assignments/<int:pk>/feedback/", matches.match_feedback, name="match_feedback"),
    path("offers/", offers.offer_list, name="offer_list"),
    path("offers/new/", offers.offer_create, name="offer_create"),
    path("offers/<int:pk>/edit/", offers.offer_edit, name="offer_edit"),
]
