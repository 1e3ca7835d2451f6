"""Audit entries for logins and logouts. Failed logins are counted, not logged one by one
(kim/core/domain/throttle.py writes an entry when a delay starts or grows)."""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out

from kim.core.audit.writer import write


def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    # How (second factor) and after how many failures, as the login view recorded it.
    details = {k: v for k, v in (getattr(request, "kim_login", None) or {}).items()
               if v not in (None, 0)}
    write("login", model="core.user", object_id=user.pk, object_repr=user.get_username(),
          actor_name=user.get_username(), changes=details)


def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        write("logout", model="core.user", object_id=user.pk, object_repr=user.get_username(),
              actor_name=user.get_username())


def connect() -> None:
    user_logged_in.connect(_logged_in, dispatch_uid="kim_audit_login")
    user_logged_out.connect(_logged_out, dispatch_uid="kim_audit_logout")
