from kim.quota.models.settings import QuotaSettings
from kim.quota.models.statistics import LandStatistics, LandStatisticsRow

__all__ = ["LandStatistics", "LandStatisticsRow", "QuotaSettings"]
