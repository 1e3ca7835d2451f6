"""What the monitoring module adds to kim. So far its command line
(``kim monitoring segregation|check-table``; the computing is the pure package kim/stats);
indicators, observations and their pages follow (issue 12)."""

from kim.core.modules import KimModule

module = KimModule(label="monitoring")
