"""The integration fund of the demo town herne-demo ([Herne] 5.): 200 000 € for 2017,
application rounds, and 15 projects funded up to 08.06.2017 with 52 440,30 € in the
fields of action of [Herne] 5. – one more approved later, one rejected, one waiting.
Organisations and projects are fictitious; payments in instalments; two final reports.

The applicant's demo login (kim/core/demo.py) belongs to one of the organisations.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from kim.core.domain.masterdata import ensure_default_fields
from kim.core.models import FieldOfAction, Membership, Municipality, Organisation
from kim.fund.domain import decisions
from kim.fund.models import FundYear, Round

D = datetime.date
FIELDS = [("arrival", "Ankommen in Herne"),
          ("children_families", "Kinder, Jugendliche und ihre Familien"),
          ("language_work", "Sprachliche und berufliche Integration"),
          ("participation", "Gesellschaftliche Teilhabe"),
          ("housing", "Wohnen"),
          ("networking", "Netzwerkarbeit")]
ORGS = {
    "help": ("Soforthilfe (Demo) e. V.", ["initiative"]),
    "sport": ("Sportbund (Demo)", ["club"]),
    "vhs": ("Volkshochschule (Demo)", ["provider", "municipal_unit"]),
    "south_east": ("Koordinierungsstelle Zuwanderung (Demo)", ["municipal_unit"]),
    "volunteers": ("Ehrenamtsinitiative Wohnen (Demo)", ["initiative"]),
    "youth": ("Fachbereich Kinder, Jugend und Familie (Demo)", ["municipal_unit"]),
    "migrants": ("Migrantenverein (Demo) e. V.", ["migrant_org"]),
}
# (round name, deadline, decision day)
ROUNDS = [("1. Runde 2017", D(2017, 1, 31), D(2017, 2, 16)),
          ("2. Runde 2017", D(2017, 3, 31), D(2017, 4, 20)),
          ("3. Runde 2017", D(2017, 5, 19), D(2017, 6, 1)),
          ("4. Runde 2017", D(2017, 8, 31), D(2017, 9, 21)),
          ("5. Runde 2017", D(2017, 10, 31), D(2017, 11, 16))]
# (round index, org, field, title, requested, granted or None = rejected, "" = waiting)
PROJECTS = [
    (0, "help", "arrival", "Psychosoziale Erstberatung für Geflüchtete", "5200.00", "4850.00"),
    (0, "sport", "participation", "Sport im Verein – besonders für Mädchen", "6200.00",
     "6200.00"),
    (0, "vhs", "language_work", "Willkommenskurs", "2980.50", "2980.50"),
    (0, "south_east", "language_work", "Deutschkurs für Erwachsene aus Südosteuropa",
     "3800.00", "3500.00"),
    (0, "youth", "children_families", "Fachtag Radikalisierung verstehen", "1250.00",
     "1250.00"),
    (1, "volunteers", "housing", "Hilfe bei Wohnungssuche und Möblierung", "7400.00",
     "7400.00"),
    (1, "migrants", "participation", "Interkulturelles Stadtteilfest", "2500.00", "2100.00"),
    (1, "youth", "children_families", "Ferienangebote für neu zugewanderte Kinder",
     "4500.00", "4500.00"),
    (1, "help", "networking", "Runder Tisch der Flüchtlingshilfe", "980.00", "980.00"),
    (1, "vhs", "language_work", "Sprachcafé mit Kinderbetreuung", "3650.80", "3650.80"),
    (1, "sport", "participation", "Schwimmkurse für Frauen", "4100.00", None),
    (2, "volunteers", "arrival", "Begleitung zu Behörden (Lotsen)", "2800.00", "2800.00"),
    (2, "south_east", "children_families", "Elterncafé an Grundschulen", "5100.00",
     "5100.00"),
    (2, "migrants", "networking", "Vernetzung der Migrantenvereine", "1890.00", "1890.00"),
    (2, "help", "housing", "Mieterschulung für neue Mieterinnen und Mieter", "3239.00",
     "3239.00"),
    (2, "vhs", "arrival", "Orientierungskurs Stadt und Verwaltung", "2000.00", "2000.00"),
    (3, "sport", "participation", "Fahrradwerkstatt", "3100.00", "3100.00"),
    (4, "migrants", "language_work", "Hausaufgabenhilfe in Herkunftssprachen", "4800.00", ""),
]
APPLICANT = ("herne-antrag", "vhs")  # the demo login of an applicant (kim/core/demo.py)


def _applicant(municipality: Municipality) -> None:
    username, key = APPLICANT
    org = Organisation.objects.filter(municipality=municipality, name=ORGS[key][0]).first()
    if org is not None:
        Membership.objects.filter(municipality=municipality, user__username=username,
                                  organisation=None).update(organisation=org)


@transaction.atomic
def load(municipality: Municipality) -> None:
    """Idempotent: nothing happens when the 2017 budget exists."""
    with scope(municipality=municipality):
        if FundYear.objects.filter(municipality=municipality, year=2017).exists():
            _applicant(municipality)
            return
        ensure_default_fields(municipality)
        fields = {}
        for order, (code, name) in enumerate(FIELDS):
            fields[code], _ = FieldOfAction.objects.get_or_create(
                municipality=municipality, code=code,
                defaults={"name": name, "order": 200 + order})
        orgs = {key: Organisation.objects.get_or_create(
            municipality=municipality, name=name, defaults={"kinds": kinds})[0]
            for key, (name, kinds) in ORGS.items()}
        year = FundYear.objects.create(municipality=municipality, year=2017,
                                       budget=Decimal("200000.00"))
        rounds = [Round.objects.create(municipality=municipality, fund_year=year, name=name,
                                       deadline=deadline, decision_on=decision)
                  for name, deadline, decision in ROUNDS]
        # the next year's first round is open, so the applicant's demo login can apply
        coming = timezone.localdate().year + 1
        next_year = FundYear.objects.create(municipality=municipality, year=coming,
                                            budget=Decimal("200000.00"))
        Round.objects.create(municipality=municipality, fund_year=next_year,
                             name=f"1. Runde {coming}", deadline=D(coming, 1, 31),
                             decision_on=D(coming, 2, 18))
        for index, org, code, title, requested, granted in PROJECTS:
            name, deadline, decision_day = ROUNDS[index]
            app = decisions.submit(rounds[index], orgs[org], {
                "field": fields[code], "title": title,
                "description": f"{title}: Ziel, Zielgruppe und Ablauf (Demo).",
                "amount_requested": Decimal(requested),
                "period_start": decision_day + datetime.timedelta(days=14),
                "period_end": D(2017, 12, 31)}, on=deadline - datetime.timedelta(days=10))
            if granted == "":
                continue
            checks = {"integration": True, "not_otherwise_funded": granted is not None,
                      "new_approach": True, "sustainable": True, "cost_plan": True}
            app = decisions.decide(app, approve=granted is not None,
                             amount=Decimal(granted) if granted else None,
                             conditions="Öffentlichkeitsarbeit mit Hinweis auf den Fonds."
                             if granted else "Andere Förderung vorrangig.",
                             checks=checks, on=decision_day)
            if granted is None:
                continue
            amount = Decimal(granted)
            first = (amount / 2).quantize(Decimal("0.01"))
            decisions.pay(app, amount=first, on=decision_day + datetime.timedelta(days=10),
                          note="1. Rate")
            if index < 2:
                decisions.pay(app, amount=amount - first, on=D(2017, 9, 1), note="2. Rate")
            if index == 0 and org in ("vhs", "youth"):
                decisions.report_usage(app, spent=amount, on=D(2018, 2, 28),
                                       text="Projekt durchgeführt; Belege liegen vor (Demo).")
        _applicant(municipality)
