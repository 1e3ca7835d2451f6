from kim.core.models.accounts import Membership, Role, User
from kim.core.models.audit import AuditEntry
from kim.core.models.settings import SettingValue
from kim.core.models.tenancy import Municipality, TenantModel

__all__ = ["AuditEntry", "Membership", "Municipality", "Role", "SettingValue", "TenantModel",
           "User"]
