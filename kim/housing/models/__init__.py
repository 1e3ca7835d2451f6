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

__all__ = ["SHARED_KINDS", "Facility", "Incident", "Kind", "MoveInReason", "MoveOutReason",
           "Place", "StateFacilityCount", "Stay", "TargetUse", "Unit"]
