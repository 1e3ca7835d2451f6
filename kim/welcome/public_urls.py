from django.urls import path

from kim.welcome.views import public

app_name = "welcome_public"

# Included under "<slug:municipality>/info/": anyone may read these, no person data.
urlpatterns = [
    path("", public.index, name="index"),
    path("search/", public.search, name="search"),
    path("<slug:slug>/", public.page, name="page"),
]
