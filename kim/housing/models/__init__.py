from kim.housing.models.facility import (
    SHARED_KINDS,
    Facility,
    Kind,
    Place,
    StateFacilityCount,
    TargetUse,
    Unit,
)
from kim.housing.models.incident import Incident
from kim.housing.models.stay import MoveInReason, MoveOutReason, Stay
from kim.housing.models.waiting import (
    EntryStatus,
    Placement,
    PlacementKind,
    PriorityPolicySetting,
    Regime,
    WaitingListEntry,
)

__all__ = ["SHARED_KINDS", "EntryStatus", "Facility", "Incident", "Kind", "MoveInReason",
           "MoveOutReason", "Place", "Placement", "PlacementKind", "PriorityPolicySetting",
           "Regime", "StateFacilityCount", "Stay", "TargetUse", "Unit", "WaitingListEntry"]
