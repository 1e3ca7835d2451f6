from django.urls import path

from kim.core.views import (
    audit,
    home,
    identity,
    jobs,
    masterdata,
    reports,
    retention,
    roles,
    settings,
    users,
)

app_name = "core"

# Included under "<slug:municipality>/" by kim/urls.py.
urlpatterns = [
    path("", home.start, name="start"),
    path("admin/users/", users.user_list, name="user_list"),
    path("admin/users/new/", users.user_create, name="user_create"),
    path("admin/users/<int:pk>/", users.user_edit, name="user_edit"),
    path("admin/users/<int:pk>/password/", users.user_password, name="user_password"),
    path("admin/users/<int:pk>/two-factor/", users.user_two_factor, name="user_two_factor"),
    path("admin/users/identity/", identity.identity_list, name="user_identity_list"),
    path("admin/users/identity/<int:pk>/", identity.identity_decide,
         name="user_identity_decide"),
    path("admin/users/grants/", users.grant_list, name="grant_list"),
    path("admin/users/grants/<int:pk>/", users.grant_decide, name="grant_decide"),
    path("admin/roles/", roles.role_list, name="role_list"),
    path("admin/roles/new/", roles.role_create, name="role_create"),
    path("admin/roles/<int:pk>/", roles.role_detail, name="role_detail"),
    path("admin/roles/<int:pk>/edit/", roles.role_edit, name="role_edit"),
    path("admin/audit/", audit.audit_list, name="audit_list"),
    path("admin/retention/", retention.retention_overview, name="retention"),
    path("admin/areas/", masterdata.area_list, name="areas"),
    path("admin/areas/new/", masterdata.area_create, name="areas_new"),
    path("admin/areas/<int:pk>/", masterdata.area_edit, name="areas_edit"),
    path("admin/organisations/", masterdata.organisation_list, name="organisations"),
    path("admin/organisations/new/", masterdata.organisation_create, name="organisations_new"),
    path("admin/organisations/<int:pk>/", masterdata.organisation_edit,
         name="organisations_edit"),
    path("admin/fields/", masterdata.field_list, name="fields"),
    path("admin/fields/new/", masterdata.field_create, name="fields_new"),
    path("admin/fields/<int:pk>/", masterdata.field_edit, name="fields_edit"),
    path("admin/settings/", settings.setting_list, name="settings"),
    path("admin/settings/<str:key>/", settings.setting_change, name="setting_change"),
    path("jobs/", jobs.job_list, name="job_list"),
    path("jobs/<int:pk>/", jobs.job_detail, name="job_detail"),
    path("jobs/<int:pk>/file/", jobs.job_file, name="job_file"),
    path("reports/", reports.report_list, name="report_list"),
    path("reports/<slug:name>/", reports.report_detail, name="report_detail"),
]
