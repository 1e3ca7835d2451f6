from django.urls import path

from kim.reports import views

app_name = "reports"

# Included under "<slug:municipality>/reports/" by kim/urls.py (before kim.core.urls).
urlpatterns = [
    path("", views.report_list, name="list"),
    path("<slug:name>/", views.report_detail, name="detail"),
]
