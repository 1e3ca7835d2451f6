"""Audit entries for logins, logouts and failed logins."""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from kim.core.audit.writer import write


def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    write("login", model="core.user", object_id=user.pk, object_repr=user.get_username(),
          actor_name=user.get_username())


def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        write("logout", model="core.user", object_id=user.pk, object_repr=user.get_username(),
              actor_name=user.get_username())


def _login_failed(sender: Any, credentials: dict[str, Any], request: Any = None,
                  **kwargs: Any) -> None:
    username = str(credentials.get("username", ""))[:150]
    write("login_failed", model="core.user", object_repr=username, actor_name=username)


def connect() -> None:
    user_logged_in.connect(_logged_in, dispatch_uid="kim_audit_login")
    user_logged_out.connect(_logged_out, dispatch_uid="kim_audit_logout")
    user_login_failed.connect(_login_failed, dispatch_uid="kim_audit_login_failed")
