from django.urls import path

from kim.core.views import audit, home, reports, roles, users

app_name = "core"

# Included under "<slug:municipality>/" by kim/urls.py.
urlpatterns = [
    path("", home.start, name="start"),
    path("admin/users/", users.user_list, name="user_list"),
    path("admin/users/new/", users.user_create, name="user_create"),
    path("admin/users/<int:pk>/", users.user_edit, name="user_edit"),
    path("admin/users/<int:pk>/password/", users.user_password, name="user_password"),
    path("admin/roles/", roles.role_list, name="role_list"),
    path("admin/roles/new/", roles.role_create, name="role_create"),
    path("admin/roles/<int:pk>/", roles.role_detail, name="role_detail"),
    path("admin/roles/<int:pk>/edit/", roles.role_edit, name="role_edit"),
    path("admin/audit/", audit.audit_list, name="audit_list"),
    path("reports/", reports.report_list, name="report_list"),
    path("reports/<slug:name>/", reports.report_detail, name="report_detail"),
]
