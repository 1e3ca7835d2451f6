"""The module contract (``contract.py``), its registry (``registry.py``) and the AppConfig
base class (``apps.py``). Apps import the declaration types from here."""

from kim.core.modules.contract import (
    AuditRules,
    Card,
    DeadlineSource,
    DemoLoader,
    Due,
    GapContext,
    GapFlag,
    GapSource,
    KimModule,
    NavItem,
    Perm,
    PersonColumn,
    PolicySetting,
    ResponsibilitySource,
    TimelineEvent,
    TimelineSource,
)

__all__ = [
    "AuditRules",
    "Card",
    "DeadlineSource",
    "DemoLoader",
    "Due",
    "GapContext",
    "GapFlag",
    "GapSource",
    "KimModule",
    "NavItem",
    "Perm",
    "PersonColumn",
    "PolicySetting",
    "ResponsibilitySource",
    "TimelineEvent",
    "TimelineSource",
]
