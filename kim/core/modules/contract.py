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
from decimal import Decimal
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
    # Reads special-category data (health, notes …) without being named in an
    # ``AuditRules.restricted``: granting a role with it needs a second admin's approval.
    special: bool = False

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
    # A rule instead of one permission (``permission`` None): visible(user, municipality),
    # e.g. the reports entry – shown when any report has an audience the user belongs to.
    visible: Callable[[Any, Any], bool] | None = None
    # The key of the entry this one belongs under: the main navigation shows the group's
    # entry, the group's pages show its entries as a section navigation (when the user
    # may not see the parent, the group's first visible entry stands for it). "account":
    # a link of the user's own (next to "Change password" in the header).
    parent: str = ""


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
    permission needed to see the details – others see that something happened, not what;
    the log keeps no values of their fields, and granting a role that holds one of these
    permissions needs a second admin's approval. ``personal``: other models with personal
    data of the people kim serves (names, statuses, stays), with the permission needed to
    see their audit details; the log keeps no object names for them.
    """

    exempt: Mapping[str, str] = field(default_factory=dict)
    restricted: Mapping[str, str] = field(default_factory=dict)
    personal: Mapping[str, str] = field(default_factory=dict)


# -- data protection: retention and the access export (Art. 5(1)(e), 15, 17 DSGVO) -------
@dataclass(frozen=True)
class RetentionScope:
    """What a retention rule works on. ``cutoff``: records (and, for per-person rules,
    cases) that ended on or before this day are due. ``dry_run``: count, change nothing."""

    municipality: Any
    today: datetime.date
    cutoff: datetime.date
    dry_run: bool


@dataclass(frozen=True)
class RetentionRule:
    """A category of personal data a module deletes or anonymises when its retention
    period – the int ``PolicySetting`` named by ``setting``, in years – is over.

    ``erase(scope)`` deletes/anonymises what is due and returns how many records (in a
    dry run: would). ``per_person``: the period runs from the day the person's case closed
    (see kim/people/domain/retention.py); else from the record's own date. A ``final``
    rule anonymises the person: no per-person category outlives it (the runner moves every
    per-person cutoff up to the final rule's). Rules run in ``order``.
    """

    key: str
    label: Label
    setting: str
    action: Literal["delete", "anonymise"]
    erase: Callable[[RetentionScope], int]
    per_person: bool = True
    final: bool = False
    order: int = 100


@dataclass(frozen=True)
class ExportTable:
    """One table of a person's access export: ``columns`` are (key, label) pairs, every row
    has exactly these keys; values are text, numbers, booleans, dates or None. A table with
    ``vertical`` set holds one record shown as label/value pairs (master data)."""

    key: str
    title: Label
    columns: Sequence[tuple[str, Label]]
    rows: Sequence[Mapping[str, Any]]
    note: Label = ""
    vertical: bool = False


@dataclass(frozen=True)
class PersonalDataExport:
    """A module's part of the Art. 15 access export of one person.

    ``collect(person, municipality)`` runs in the municipality's scope and in the language
    of the export (labels translated): it returns the module's tables – everything the
    module holds about the person, also what the issuing user could not see.
    """

    key: str
    title: Label
    collect: Callable[[Any, Any], list[ExportTable]]
    order: int = 100


@dataclass(frozen=True)
class PersonalData:
    """What a module holds about the people kim serves, for data protection.

    ``retention``: its retention rules; ``export``: its part of the access export;
    ``open_cases(municipality)``: a queryset of ids of persons the module still works with
    (an open stay, a planned appointment) – their case is not closed whatever else says so.
    """

    retention: Sequence[RetentionRule] = ()
    export: Sequence[PersonalDataExport] = ()
    open_cases: Callable[[Any], QuerySet[Any]] | None = None


@dataclass(frozen=True)
class Figure:
    """A current figure a module computes that other modules show, e.g. the action plan
    next to a measure ("persons in municipal accommodation"). Readers holding ``detail``
    see it exactly; readers holding only ``aggregate`` see a count of 1–2 as "<3"
    (``count``: it counts persons or households); everyone else sees nothing.
    ``compute(municipality, day)`` returns the value on ``day`` (None: no value yet)."""

    key: str
    label: Label
    detail: str
    aggregate: str
    compute: Callable[[Any, datetime.date], int | float | Decimal | None]
    count: bool = True
    unit: Label = ""


@dataclass(frozen=True)
class JobKind:
    """Long work a module runs as a background job (kim/core/jobs): a person import, a big
    report. ``run(job, progress)`` does the work inside the job's municipality scope and
    returns what the result page shows (JSON-serialisable); ``progress(done, total)``
    moves the progress bar. ``result_template`` renders that result; ``permission`` is
    checked again when the job runs (the user may have lost it meanwhile)."""

    key: str
    label: Label
    permission: str
    run: Callable[[Any, Callable[[int, int | None], None]], Mapping[str, Any]]
    result_template: str
    back_url_name: str = ""  # where "new job" / "back" leads, e.g. "people:person_import"


def lazy(dotted: str) -> Callable[..., Any]:
    """A declaration's function, imported on its first call: ``module.py`` is imported
    before the models are ready, so it cannot import its domain code directly.
    ``lazy("kim.housing.domain.retention.clear_notes")``."""
    from importlib import import_module

    path, _, name = dotted.rpartition(".")

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(import_module(path), name)(*args, **kwargs)

    call.__qualname__ = call.__name__ = name
    return call


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
    jobs: Sequence[JobKind] = ()
    figures: Sequence[Figure] = ()
    audit: AuditRules = field(default_factory=AuditRules)
    personal_data: PersonalData = field(default_factory=PersonalData)
    # URLs: the app's urlconf mounted at /<municipality>/<url_prefix>; public (anonymous)
    # views in their own urlconf, mounted at /<municipality>/<public_prefix>.
    urls: str | None = None
    url_prefix: str = ""
    public_urls: str | None = None
    public_prefix: str = ""
    # Entries of the municipality's public start page (NavItem.permission must be None).
    public_links: Sequence[NavItem] = ()
    # REST API: a module whose ``ENDPOINTS`` (kim.api.declare.Endpoint) kim/api mounts at
    # /api/v1/<municipality>/; the label is what a token's module list limits.
    api: str | None = None
    # Modules of this app that other apps may import (the import-boundary check).
    public_modules: Sequence[str] = ()
