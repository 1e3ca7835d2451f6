from django.urls import path

from kim.volunteers.views import offers

app_name = "volunteers_public"

# Included under "<slug:municipality>/offers/": the public offers directory, no login.
urlpatterns = [
    path("", offers.public_offers, name="offers"),
]
