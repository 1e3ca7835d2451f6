"""Login throttling: growing delays per user name, per known browser and per client
address, instead of a lock that anyone could trigger by typing a colleague's name.

Budgets (settings, README "Configuration"):

- **user name** – ``LOGIN_FREE_PER_USER`` failures (password or second factor) are free;
  then every further attempt waits ``LOGIN_FIRST_DELAY`` seconds, doubled per failure up
  to ``LOGIN_MAX_DELAY``. This slows down guessing one account from anywhere.
- **known browser** – a browser in which the account logged in before carries a signed
  cookie for it. Its attempts for that account count against the browser's own budget
  (same numbers) instead of the user name's, so an attacker who floods the name delays
  only browsers that never logged in as that user – not the colleague at her desk.
- **client address** – ``LOGIN_FREE_PER_ADDRESS`` (50) failures from one address (IPv6:
  its /64) before delays start: high enough for a town hall behind one NAT address,
  low enough to stop one machine from trying many names.

A counter starts again after ``LOGIN_FORGET_AFTER`` seconds without failure. Counters
are keyed by an HMAC of the name/address: the table holds neither attacker-chosen text
nor addresses, one row per key. Audit entries are written only when a delay starts or
grows (bounded, since delays double), for existing accounts in every town of the
account; a successful login records how many failures preceded it.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from kim.core.audit.writer import write
from kim.core.domain.identity import towns_of
from kim.core.models import LoginThrottle, User

DEVICE_COOKIE = "kim_device"
DEVICE_SALT = "kim.core.throttle.device"
DEVICE_DAYS = 180
DEVICE_SLOTS = 5  # accounts remembered per browser (a shared office computer)


def normalise(username: str) -> str:
    """The user name as counted: Unicode-normalised, case-folded, at most 150 chars."""
    return unicodedata.normalize("NFKC", username).strip().casefold()[:150]


def _digest(kind: str, value: str) -> str:
    key = hashlib.sha256(f"kim-throttle:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def client_network(request: HttpRequest) -> str:
    """The client's address as counted: with ``PROXY_COUNT`` proxies in front, the
    address the nearest of them saw (``X-Forwarded-For`` from the right); an IPv6 address
    stands for its /64, which one client usually owns whole."""
    raw = request.META.get("REMOTE_ADDR", "")
    hops = settings.PROXY_COUNT
    if hops:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                     if a.strip()]
        if len(forwarded) >= hops:
            raw = forwarded[-hops]
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return "unknown"
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


# -- known browsers ----------------------------------------------------------------------
def _devices(request: HttpRequest) -> dict[str, str]:
    """The signed cookie's accounts: user name digest -> browser id."""
    try:
        value = signing.loads(request.COOKIES.get(DEVICE_COOKIE, ""), salt=DEVICE_SALT,
                              max_age=timedelta(days=DEVICE_DAYS))
    except signing.BadSignature:
        return {}
    return value if isinstance(value, dict) else {}


def remember_device(request: HttpRequest, response: HttpResponse, username: str) -> None:
    """After a complete login: this browser is known for this account."""
    devices = _devices(request)
    name = _digest("user", normalise(username))
    devices.pop(name, None)
    devices[name] = secrets.token_hex(16)
    devices = dict(list(devices.items())[-DEVICE_SLOTS:])
    response.set_cookie(DEVICE_COOKIE, signing.dumps(devices, salt=DEVICE_SALT),
                        max_age=DEVICE_DAYS * 86400, httponly=True, samesite="Lax",
                        secure=settings.SESSION_COOKIE_SECURE)


# -- budgets -----------------------------------------------------------------------------
@dataclass
class Attempt:
    """The counters one login attempt is charged to."""

    username: str
    network: str
    keys: list[tuple[str, str]] = field(default_factory=list)

    @property
    def user_key(self) -> tuple[str, str]:
        return self.keys[0]


def attempt(request: HttpRequest, username: str) -> Attempt:
    name = normalise(username)
    network = client_network(request)
    device = _devices(request).get(_digest("user", name))
    keys: list[tuple[str, str]]
    if device:
        keys = [(LoginThrottle.Kind.DEVICE, _digest("device", device))]
    else:
        keys = [(LoginThrottle.Kind.USER, _digest("user", name)),
                (LoginThrottle.Kind.ADDRESS, _digest("address", network))]
    return Attempt(name, network, keys)


def _free(kind: str) -> int:
    if kind == LoginThrottle.Kind.ADDRESS:
        return int(settings.LOGIN_FREE_PER_ADDRESS)
    return int(settings.LOGIN_FREE_PER_USER)


def delay_after(failures: int, free: int) -> int:
    """Seconds to wait after ``failures`` failures: none below ``free``, then the first
    delay, doubled per further failure, capped."""
    if failures < free:
        return 0
    doublings = min(failures - free, 30)
    return int(min(settings.LOGIN_FIRST_DELAY * 2 ** doublings, settings.LOGIN_MAX_DELAY))


def retry_after(current: Attempt) -> int:
    """Seconds until this attempt may be checked (0: now)."""
    now = timezone.now()
    rows = LoginThrottle.objects.filter(
        kind__in=[k for k, _ in current.keys], key__in=[v for _, v in current.keys],
        blocked_until__gt=now)
    waits = [(row.blocked_until - now).total_seconds() for row in rows
             if (row.kind, row.key) in current.keys and row.blocked_until is not None]
    return int(max(waits, default=0) + 0.999)


@transaction.atomic
def failure(current: Attempt) -> int:
    """Count a failed attempt on each of its keys; the seconds the next attempt must wait.
    A delay that starts or grows is audited (see module doc)."""
    now = timezone.now()
    forget = timedelta(seconds=settings.LOGIN_FORGET_AFTER)
    LoginThrottle.objects.filter(last_failure__lt=now - forget,
                                 blocked_until__lt=now).delete()
    LoginThrottle.objects.filter(last_failure__lt=now - forget,
                                 blocked_until=None).delete()
    wait = 0
    for kind, key in current.keys:
        row, created = LoginThrottle.objects.select_for_update().get_or_create(
            kind=kind, key=key, defaults={"first_failure": now, "last_failure": now})
        if not created and row.last_failure < now - forget:
            row.failures, row.first_failure = 0, now
        row.failures += 1
        row.last_failure = now
        delay = delay_after(row.failures, _free(kind))
        row.blocked_until = now + timedelta(seconds=delay) if delay else None
        row.save()
        wait = max(wait, delay)
        if delay:
            _audit_delay(current, kind, row.failures, delay)
    return wait


def _audit_delay(current: Attempt, kind: str, failures: int, delay: int) -> None:
    changes = {"failures": failures, "delay seconds": delay, "counted per": kind}
    if kind == LoginThrottle.Kind.ADDRESS:
        write("login_failed", model="core.user", object_repr=current.network,
              actor_name="", changes={**changes, "address": current.network})
        return
    user = User.objects.filter(username__iexact=current.username).first()
    if user is None:  # an unknown name is not worth a row of its own
        return
    towns: list[int | None] = [*towns_of(user.pk)] or [None]
    for town in towns:
        write("login_failed", model="core.user", object_id=user.pk,
              object_repr=user.get_username(), actor_name="", municipality_id=town,
              changes=changes)


def failures_before(current: Attempt) -> int:
    row = LoginThrottle.objects.filter(kind=current.user_key[0],
                                       key=current.user_key[1]).first()
    return row.failures if row is not None else 0


def success(current: Attempt) -> None:
    """A complete login: the account's (or browser's) counter starts again. The address
    counter does not – one valid account must not reset it for a guesser beside it."""
    LoginThrottle.objects.filter(kind=current.user_key[0], key=current.user_key[1]).delete()
