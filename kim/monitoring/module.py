"""What the monitoring module adds to kim (product.md §2.9; §3 row "monitoring":
coordinator W; caseworker, benefits, housing, school office and steering A).

The coordinator keeps the indicator catalogue, imports observations and sees the exact
figures (``monitoring.indicators:read``). Every other role with ``A`` sees the indicator
pages through ``reports.monitoring_aggregates:read`` (declared by core): counts of
persons disclosure-controlled (kim/monitoring/domain/series.py → kim/stats).
The command line (``kim monitoring segregation|check-table``) computes with kim/stats.
"""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from kim.core.modules import Card, DemoLoader, KimModule, NavItem, Perm, lazy
from kim.monitoring.figures import FIGURES

AGGREGATES = "reports.monitoring_aggregates:read"


def _demo(municipalities: Mapping[str, Any]) -> None:
    from kim.monitoring.demo import load

    load(municipalities["soest-demo"])


module = KimModule(
    label="monitoring",
    permissions=[
        Perm("monitoring.indicators:read",
             _("See the exact figures of the integration monitoring and its imports"),
             ("coordinator",)),
        Perm("monitoring.indicators:write",
             _("Keep the indicator catalogue and import observations"), ("coordinator",)),
    ],
    navigation=[NavItem("monitoring", _("Monitoring"), "monitoring:indicator_list",
                        AGGREGATES, 70, "monitoring:")],
    cards=[Card("monitoring_key_figures", "monitoring/cards/key_figures.html", AGGREGATES,
                lazy("kim.monitoring.cards.key_figures"), order=60)],
    demo_loaders=[DemoLoader("monitoring", 80, _demo)],
    figures=FIGURES,
    urls="kim.monitoring.urls",
    api="kim.monitoring.api",
    url_prefix="monitoring/",
)
