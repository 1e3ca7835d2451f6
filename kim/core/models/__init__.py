from kim.core.models.accounts import Membership, Role, User
from kim.core.models.audit import AuditEntry
from kim.core.models.jobs import Job
from kim.core.models.masterdata import Area, FieldOfAction, Organisation, OrganisationKind
from kim.core.models.protection import RetentionLogEntry, RoleGrant
from kim.core.models.security import (
    FormSubmission,
    IdentityApproval,
    IdentityChange,
    LoginThrottle,
    RecoveryCode,
)
from kim.core.models.settings import SettingValue
from kim.core.models.tenancy import Municipality, TenantModel

__all__ = ["Area", "AuditEntry", "FieldOfAction", "FormSubmission", "IdentityApproval",
           "IdentityChange", "Job", "LoginThrottle", "Membership", "Municipality",
           "Organisation",
           "OrganisationKind", "RecoveryCode", "RetentionLogEntry", "Role", "RoleGrant",
           "SettingValue", "TenantModel", "User"]
