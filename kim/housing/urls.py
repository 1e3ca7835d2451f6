from django.urls import path

from kim.housing.views import facilities, incidents, placement, stays, waiting, worklists

app_name = "housing"

# Included under "<slug:municipality>/housing/" by kim/urls.py.
urlpatterns = [
    path("", facilities.facility_list, name="facility_list"),
    path("facilities/new/", facilities.facility_create, name="facility_create"),
    path("facilities/<int:pk>/", facilities.facility_board, name="facility_board"),
    path("facilities/<int:pk>/edit/", facilities.facility_edit, name="facility_edit"),
    path("facilities/<int:pk>/units/new/", facilities.unit_add, name="unit_add"),
    path("facilities/<int:pk>/counts/new/", facilities.state_count_add, name="state_count_add"),
    path("facilities/<int:pk>/incidents/", incidents.incident_list, name="incident_list"),
    path("facilities/<int:pk>/incidents/new/", incidents.incident_add, name="incident_add"),
    path("units/<int:pk>/edit/", facilities.unit_edit, name="unit_edit"),
    path("places/<int:pk>/block/", facilities.place_block, name="place_block"),
    path("places/<int:pk>/move-in/", stays.move_in, name="move_in"),
    path("stays/<int:pk>/move/", stays.move, name="move"),
    path("stays/<int:pk>/move-out/", stays.move_out, name="move_out"),
    path("stays/<int:pk>/exception/", stays.exception, name="exception"),
    path("hints/", worklists.hints, name="hints"),
    path("fehlbeleger/", worklists.fehlbeleger_page, name="fehlbeleger"),
    path("placement/households/<int:pk>/", placement.household_suggestions,
         name="household_suggestions"),
    path("placement/households/<int:pk>/record/", waiting.household_placement,
         name="household_placement"),
    path("placement/arrival/", placement.arrival, name="arrival"),
    path("placement/arrival/review/", placement.arrival_review, name="arrival_review"),
    path("waiting/", waiting.waiting_list, name="waiting_list"),
    path("waiting/new/", waiting.entry_add, name="waiting_add"),
    path("waiting/households/", waiting.household_choices, name="waiting_households"),
    path("waiting/placements/", waiting.placement_list, name="placement_list"),
    path("waiting/policy/", waiting.policy_edit, name="waiting_policy"),
    path("waiting/<int:pk>/place/", waiting.entry_place, name="waiting_place"),
    path("waiting/<int:pk>/withdraw/", waiting.entry_withdraw, name="waiting_withdraw"),
]
