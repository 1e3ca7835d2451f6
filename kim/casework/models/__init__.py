from kim.casework.models.appointment import Appointment
from kim.casework.models.caseload import CaseAssignment
from kim.casework.models.document import Document
from kim.casework.models.note import CaseNote
from kim.casework.models.plan import PlanGoal, PlanStep

__all__ = ["Appointment", "CaseAssignment", "CaseNote", "Document", "PlanGoal", "PlanStep"]
