"""The module contract: what an app of kim declares, in one object (``KimModule``).

Every app has a ``module.py`` that defines ``module = KimModule(...)``; its AppConfig
derives from :class:`kim.core.modules.apps.KimAppConfig`, which registers that object when
Django is ready. Core reads declarations from the registry and imports no app; apps read
each other's contributions (deadline, timeline, gap and responsibility sources) from the
registry too, so housing can add "Phase I > 6 months" to the worklist without the people
app knowing housing exists. See docs/architecture.md "Modules".
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from django.db.models import QuerySet
from django.utils.functional import Promise

if TYPE_CHECKING:
    from kim.core.http import TenantRequest
    from kim.core.reports.registry import Report

Label = Promise | str
# predicate(user, obj, municipality) -> bool: may the user act on this object?
Predicate = Callable[[Any, Any, Any], bool]
# scope_filter(user, municipality, queryset) -> queryset of the objects the predicate allows
ScopeFilter = Callable[[Any, Any, QuerySet[Any]], QuerySet[Any]]


@dataclass(frozen=True)
class Perm:
    """A permission ``area.resource:action`` and the default roles that hold it.

    An object rule comes as a pair: ``predicate`` decides one object, ``scope`` filters a
    queryset to exactly the objects the predicate allows (so a list shows what the detail
    view would open). The conformance suite checks that the two agree.
    """

    name: str
    label: Label
    roles: tuple[str, ...] = ()
    predicate: Predicate | None = None
    scope: ScopeFilter | None = None

    def __post_init__(self) -> None:
        if (self.predicate is None) != (self.scope is None):
            raise ValueError(f"Permission {self.name!r}: an object predicate needs its "
                             "queryset filter (scope) and vice versa")


@dataclass(frozen=True)
class NavItem:
    key: str
    label: Label
    url_name: str
    permission: str | None  # None: every member of the municipality
    order: int = 100
    # view names starting with this (or one of these) mark the entry as current
    active_prefix: str | tuple[str, ...] = ""


@dataclass(frozen=True)
class Card:
    """A start-page card shown to holders of ``permission``; ``context`` gives its data."""

    key: str
    template: str
    permission: str | None
    context: Callable[[TenantRequest], dict[str, Any]]
    order: int = 100


@dataclass(frozen=True)
class Due:
    """One entry of the deadline worklist."""

    person_id: int
    date: datetime.date
    kind: str
    value: str = ""


@dataclass(frozen=True)
class DeadlineSource:
    """Dates a module contributes to the deadline worklist ("Fristen").

    ``compute(municipality, person_ids, today)`` yields what is due from ``today`` up to
    the worklist horizon for the given persons (``None``: every person of the
    municipality). ``kinds`` maps each kind it produces to its label.
    """

    key: str
    kinds: Mapping[str, Label]
    compute: Callable[[Any, Sequence[int] | None, datetime.date], Iterable[Due]]


@dataclass(frozen=True)
class TimelineEvent:
    when: datetime.datetime
    kind: str
    label: Label
    detail: str = ""
    url: str = ""
    is_date_only: bool = False
    obj: Any = None  # the underlying record, for templates that offer an action on it

    @classmethod
    def on_day(cls, day: datetime.date, kind: str, label: Label, detail: str = "",
               url: str = "") -> TimelineEvent:
        """An event known only by its date: it sorts at the start of that day."""
        from django.utils import timezone

        when = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        return cls(when, kind, label, detail, url, is_date_only=True)


@dataclass(frozen=True)
class TimelineSource:
    """Events a module adds to a person's timeline, shown to holders of ``permission``.

    ``events(person, municipality)`` returns the person's events (newest or oldest first,
    the timeline sorts).
    """

    key: str
    permission: str
    events: Callable[[Any, Any], list[TimelineEvent]]


@dataclass(frozen=True)
class GapFlag:
    code: str
    message: Label
    basis: str = ""


@dataclass(frozen=True)
class GapSource:
    """Gap flags a module computes for a person ("entitled but not enrolled")."""

    key: str
    permission: str
    flags: Callable[[Any, GapContext], list[GapFlag]]


@dataclass(frozen=True)
class GapContext:
    """What the case page has loaded anyway, handed to every gap source."""

    today: datetime.date
    decisions: Mapping[str, Any] | None  # the rules engine's decisions today
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PersonColumn:
    """A column a module adds to person lists and search results, so that namesakes can
    be told apart (e.g. housing: the current accommodation). ``values(municipality,
    person_ids)`` returns a text per person id in one query; shown to holders of
    ``permission``."""

    key: str
    label: Label
    permission: str
    values: Callable[[Any, Sequence[int]], Mapping[int, str]]
    order: int = 100


@dataclass(frozen=True)
class ResponsibilitySource:
    """Who is responsible for which persons ("my caseload").

    ``responsible_users(municipality)`` lists (user id, name) of everyone who can be
    responsible; ``persons_of(municipality, user_id)`` is a subquery of person ids.
    """

    permission: str
    responsible_users: Callable[[Any], list[tuple[int, str]]]
    persons_of: Callable[[Any, int], QuerySet[Any]]


@dataclass(frozen=True)
class DemoLoader:
    """Loads a module's part of the demo dataset; loaders run in ``order``.

    ``load(municipalities)`` receives the demo municipalities by slug and must be
    idempotent (do nothing when its data exist).
    """

    key: str
    order: int
    load: Callable[[Mapping[str, Any]], None]


SettingKind = Literal["int", "decimal", "bool", "text", "countries", "json"]


@dataclass(frozen=True)
class PolicySetting:
    """A municipal policy value that may change over time (dated), e.g. the maximum
    Phase I stay. Values are stored per municipality with ``valid_from``; without one the
    ``default`` applies. ``permission`` is needed to change it."""

    key: str
    label: Label
    kind: SettingKind
    default: Any
    permission: str
    help: Label = ""
    minimum: int | None = None
    maximum: int | None = None
    basis: str = ""  # where the default comes from, e.g. "[Soest] 5.5.1.1"
    # kind "json" with choices: the value is a list of these codes (e.g. role codes),
    # entered as "code, code" or as a JSON list
    choices: Mapping[str, Label] | None = None


@dataclass(frozen=True)
class AuditRules:
    """Audit configuration of a module.

    ``exempt``: models not audited, with the reason. ``restricted``: models whose audit
    details reveal special-category data (health, vulnerabilities, notes), with the
    permission needed to see the details – others see that something happened, not what.
    """

    exempt: Mapping[str, str] = field(default_factory=dict)
    restricted: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class KimModule:
    """Everything an app adds to kim. ``label`` is the Django app label."""

    label: str
    permissions: Sequence[Perm] = ()
    navigation: Sequence[NavItem] = ()
    cards: Sequence[Card] = ()
    reports: Sequence[Report] = ()
    deadline_sources: Sequence[DeadlineSource] = ()
    timeline_sources: Sequence[TimelineSource] = ()
    gap_sources: Sequence[GapSource] = ()
    person_columns: Sequence[PersonColumn] = ()
    responsibility: ResponsibilitySource | None = None
    settings: Sequence[PolicySetting] = ()
    demo_loaders: Sequence[DemoLoader] = ()
    audit: AuditRules = field(default_factory=AuditRules)
    # URLs: the app's urlconf mounted at /<municipality>/<url_prefix>; public (anonymous)
    # views in their own urlconf, mounted at /<municipality>/<public_prefix>.
    urls: str | None = None
    url_prefix: str = ""
    public_urls: str | None = None
    public_prefix: str = ""
    # Entries of the municipality's public start page (NavItem.permission must be None).
    public_links: Sequence[NavItem] = ()
    # Modules of this app that other apps may import (the import-boundary check).
    public_modules: Sequence[str] = ()
