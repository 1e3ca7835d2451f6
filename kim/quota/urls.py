from django.urls import path

from kim.quota.views import arrivals, quota

app_name = "quota"

# Included under "<slug:municipality>/quota/" by kim/urls.py.
urlpatterns = [
    path("", quota.quota, name="quota"),
    path("import/", quota.import_statistics, name="import"),
    path("settings/", quota.edit_settings, name="settings"),
    path("arrivals/", arrivals.arrivals, name="arrivals"),
]
