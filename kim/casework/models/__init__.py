from kim.casework.models.appointment import Appointment
from kim.casework.models.caseload import CaseAssignment
from kim.casework.models.document import Document
from kim.casework.models.integration_plan import IntegrationGoal, IntegrationStep
from kim.casework.models.note import CaseNote

__all__ = ["Appointment", "CaseAssignment", "CaseNote", "Document", "IntegrationGoal",
           "IntegrationStep"]
