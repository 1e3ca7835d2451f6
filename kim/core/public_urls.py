from django.urls import path

from kim.core.views import public

app_name = "public"

# Included under "<slug:municipality>/public/": pages anyone may open, no login.
urlpatterns = [
    path("", public.start, name="start"),
]
