from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from kim.core.views import auth, home

urlpatterns = [
    path("", home.home, name="home"),
    path("accounts/login/", auth.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth.PasswordChangeView.as_view(), name="password_change"),
    path("i18n/setlang/", set_language, name="set_language"),
    # Everything of a municipality lives under its slug; TenantMiddleware opens the scope.
    path("<slug:municipality>/persons/", include("kim.people.urls")),
    path("<slug:municipality>/reports/", include("kim.reports.urls")),
    path("<slug:municipality>/casework/", include("kim.casework.urls")),
    path("<slug:municipality>/housing/", include("kim.housing.urls")),
    path("<slug:municipality>/quota/", include("kim.quota.urls")),
    path("<slug:municipality>/", include("kim.core.urls")),
]
