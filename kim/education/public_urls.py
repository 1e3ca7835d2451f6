from django.urls import path

from kim.education.views import public

app_name = "education_public"

# Included under "<slug:municipality>/courses/": the catalogue anyone may open.
urlpatterns = [
    path("", public.catalogue, name="catalogue"),
]
