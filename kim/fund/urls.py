from django.urls import path

from kim.fund.views import applicant, staff

app_name = "fund"

# Included under "<slug:municipality>/fund/" by kim/urls.py.
urlpatterns = [
    path("", staff.dashboard, name="dashboard"),
    path("years/new/", staff.year_create, name="year_create"),
    path("years/<int:pk>/edit/", staff.year_edit, name="year_edit"),
    path("rounds/new/", staff.round_create, name="round_create"),
    path("rounds/<int:pk>/edit/", staff.round_edit, name="round_edit"),
    path("applications/", staff.application_list, name="application_list"),
    path("applications/<int:pk>/", staff.application_detail, name="application_detail"),
    path("applications/<int:pk>/decide/", staff.decide, name="decide"),
    path("applications/<int:pk>/payments/new/", staff.payment_add, name="payment_add"),
    path("applications/<int:pk>/accept-report/", staff.usage_accept, name="usage_accept"),
    path("mine/", applicant.own_list, name="own_list"),
    path("mine/apply/", applicant.own_apply, name="own_apply"),
    path("mine/<int:pk>/", applicant.own_detail, name="own_detail"),
    path("mine/<int:pk>/report/", applicant.own_report, name="own_report"),
]
