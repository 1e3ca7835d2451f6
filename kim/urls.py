"""URLs: the global pages, then every module's pages under ``/<municipality>/``.

Module URLs come from the module registry (``KimModule.urls`` at its ``url_prefix``,
``public_urls`` at its ``public_prefix``); core's own pages come last because they sit
directly under the municipality's slug.
"""

from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from kim.core.modules.registry import modules
from kim.core.views import auth, home, identity, platform, twofactor
from kim.core.views.base import global_view


def _tenant_patterns() -> list:  # type: ignore[type-arg]
    patterns = []
    ordered = sorted(modules, key=lambda m: (m.url_prefix == "", m.label))
    for module in ordered:
        if module.public_urls:
            patterns.append(path(f"<slug:municipality>/{module.public_prefix}",
                                 include(module.public_urls)))
    for module in ordered:
        if module.urls:
            patterns.append(path(f"<slug:municipality>/{module.url_prefix}",
                                 include(module.urls)))
    return patterns


urlpatterns = [
    path("", home.home, name="home"),
    path("accounts/login/", global_view("anonymous")(auth.LoginView.as_view()), name="login"),
    path("accounts/login/verify/", global_view("anonymous")(auth.login_verify),
         name="login_verify"),
    path("accounts/login/setup/", global_view("anonymous")(auth.login_setup),
         name="login_setup"),
    path("accounts/security/", twofactor.security, name="account_security"),
    path("accounts/security/setup/", twofactor.security_setup, name="account_security_setup"),
    path("platform/", platform.console, name="platform_console"),
    path("platform/municipalities/new/", platform.municipality_create,
         name="platform_municipality_new"),
    path("platform/municipalities/<int:pk>/", platform.municipality_detail,
         name="platform_municipality"),
    path("platform/identity/", identity.platform_identity_list, name="platform_identity_list"),
    path("platform/identity/<int:pk>/", identity.platform_identity_decide,
         name="platform_identity_decide"),
    path("accounts/logout/", global_view("login")(auth_views.LogoutView.as_view()),
         name="logout"),
    path("accounts/password/", global_view("login")(auth.PasswordChangeView.as_view()),
         name="password_change"),
    path("i18n/setlang/", global_view("anonymous")(set_language), name="set_language"),
    path("api/v1/", include("kim.api.urls")),
    *_tenant_patterns(),
]

handler400 = "kim.core.views.errors.bad_request"
handler403 = "kim.core.views.errors.permission_denied"
handler404 = "kim.core.views.errors.not_found"
handler500 = "kim.core.views.errors.server_error"
