from kim.volunteers.models.offers import Offer
from kim.volunteers.models.pool import Match, MatchHours, Request, Volunteer, WorkingGroup

__all__ = ["Match", "MatchHours", "Offer", "Request", "Volunteer", "WorkingGroup"]
