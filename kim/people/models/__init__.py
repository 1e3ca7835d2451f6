from kim.people.models.deadline import Deadline
from kim.people.models.household import Household, HouseholdMember
from kim.people.models.person import Person, PersonLanguage, PersonName
from kim.people.models.search import PersonNameToken
from kim.people.models.status import LegalStatus
from kim.people.models.timeline import DecisionSegment, Timeline
from kim.people.models.vulnerability import Vulnerability

__all__ = ["DecisionSegment", "Deadline", "Household", "HouseholdMember", "LegalStatus",
           "Person", "PersonLanguage", "PersonName", "PersonNameToken", "Timeline",
           "Vulnerability"]
