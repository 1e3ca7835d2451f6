from django.urls import path

from kim.plan.views import council, measures, plans

app_name = "plan"

# Included under "<slug:municipality>/plan/" by kim/urls.py.
urlpatterns = [
    path("", plans.plan_list, name="plan_list"),
    path("new/", plans.plan_create, name="plan_create"),
    path("<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("<int:pk>/edit/", plans.plan_edit, name="plan_edit"),
    path("<int:pk>/version/", plans.plan_version, name="plan_version"),
    path("<int:pk>/fields/new/", plans.field_add, name="field_add"),
    path("<int:pk>/changes/", council.plan_changes, name="plan_changes"),
    path("<int:pk>/status-report.pdf", council.plan_pdf, name="plan_pdf"),
    path("fields/<int:pk>/edit/", plans.field_edit, name="field_edit"),
    path("fields/<int:pk>/goals/new/", plans.goal_add, name="goal_add"),
    path("fields/<int:pk>/measures/new/", measures.measure_create, name="measure_create"),
    path("measures/<int:pk>/", measures.measure_detail, name="measure_detail"),
    path("measures/<int:pk>/edit/", measures.measure_edit, name="measure_edit"),
    path("measures/<int:pk>/status/new/", measures.status_add, name="status_add"),
]
