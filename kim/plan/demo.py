"""The action plan of the demo town soest-demo: the 2019 concept with its six fields of
action ("Bausteine") and its 23 measures 1.1–6.3 ([Soest] 5.x.3; texts shortened in our
own words), goals by horizon, and annual status entries 2019–2026 (fictitious)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django_scopes import scope

from kim.core.domain.masterdata import ensure_default_fields
from kim.core.models import Municipality
from kim.plan.models import Goal, Measure, Plan, PlanField, StatusEntry

TITLE = "Konzept zur Integration von Flüchtlingen 2019"
ADOPTED = datetime.date(2019, 3, 14)

# (field number, field code, field name, goals (horizon, text), measures)
# measure: (number, text, owner, participants, horizon, effort)
FIELDS = [
    (1, "language", "Sprache", [
        ("long", "Alle Erwachsenen besuchen einen zu ihnen passenden Sprachkurs."),
        ("short", "Kinderbetreuung während der Integrationskurse prüfen, damit Mütter "
                  "teilnehmen können."),
    ], [
        ("1.1", "Mit den Integrationskursträgern laufend zusammenarbeiten, damit überall "
                "und rasch Integrationskurse verfügbar sind",
         "Abteilung Soziales (1.50) & Integrationsbeauftragte",
         "Integrationskursträger vor Ort", "continuous", "ggf. Kosten der Kinderbetreuung"),
        ("1.2", "Kursangebote für Menschen ohne Zugang zum Integrationskurs laufend prüfen "
                "und dorthin vermitteln",
         "Abteilung Soziales (1.50) & Integrationsbeauftragte",
         "Anbieter solcher Kurse", "continuous", "Personalaufwand"),
        ("1.3", "Bildungskette (Bildungsinformationskarte und Kursnetz) mit den Partnern "
                "auswerten und nach Bedarf anpassen oder beenden",
         "Integrationsbeauftragte", "Integrationsteam, Partner der Bildungskette",
         "short", "ggf. Druckkosten"),
        ("1.4", "Kinderbetreuung begleitend zum Integrationskurs prüfen und ggf. einrichten",
         "Abteilung Soziales (1.50) & VHS (1.12)", "Abteilung Jugend, Abteilung Soziales, VHS",
         "continuous", "Kosten der Kinderbetreuung"),
    ]),
    (2, "kita_school", "Kita & Schule", [
        ("long", "Alle Kinder mit Fluchtgeschichte ab drei Jahren haben einen Kitaplatz, "
                 "alle schulpflichtigen einen Schulplatz."),
        ("medium", "Einrichtungen mit vielen zugewanderten Kindern gezielt unterstützen."),
    ], [
        ("2.1", "Austausch zur Kitabetreuung geflüchteter Kinder organisieren (bei Bedarf)",
         "Integrationsbeauftragte", "Abteilung Jugend, Abteilung Soziales, Kitas",
         "continuous", ""),
        ("2.2", "Austausch zur Beschulung von Seiteneinsteigern und zur Vergabe von "
                "Schulplätzen organisieren (bei Bedarf)",
         "Integrationsbeauftragte & Abteilung Schule (1.11)", "Schulleitungen",
         "continuous", ""),
        ("2.3", "Unterstützungsbedarf von Einrichtungen mit vielen zugewanderten Kindern "
                "prüfen und passende Angebote entwickeln",
         "Abteilung Jugend (1.40) & Integrationsbeauftragte", "Schulen und Kitas im Süden",
         "continuous", "Personalkosten, ggf. Sachkosten"),
        ("2.4", "Projekt Bildungspaten überprüfen und das Konzept weiterentwickeln",
         "Integrationsbeauftragte", "Verein für Integration und Kultur, Hauptschule",
         "medium", "Personalkosten, ggf. Sachkosten"),
    ]),
    (3, "vocational_college", "Berufskollegs", [
        ("medium", "Zusammenarbeit mit dem Kommunalen Integrationszentrum und den "
                   "Berufskollegs ausbauen; den Übergang in den Beruf begleiten."),
    ], [
        ("3.1", "Netzwerk mit Kommunalem Integrationszentrum und Berufskollegs des Kreises "
                "weiterentwickeln", "Integrationsbeauftragte",
         "Berufskollegs, KI, Abteilung Schule", "continuous", ""),
        ("3.2", "An Veranstaltungen zu Ausbildung und Übergang Schule–Beruf teilnehmen",
         "Integrationsbeauftragte & Integrationsteam", "", "medium", ""),
        ("3.3", "In kreisweiten Netzwerken zu Übergang Schule–Beruf und Ausbildung "
                "mitarbeiten", "Integrationsbeauftragte, Integrationsteam",
         "KI, Arbeitskreise", "continuous", ""),
    ]),
    (4, "work_qualification", "Beruf & Qualifizierung", [
        ("long", "Geflüchtete dauerhaft in den Arbeitsmarkt integrieren."),
        ("short", "Netzwerk mit Jobcenter und Arbeitsagentur ausbauen."),
    ], [
        ("4.1", "Netzwerk mit Jobcenter, Arbeitsagentur und weiteren Akteuren zur "
                "beruflichen Integration ausbauen",
         "Abteilung Soziales (1.50) & Integrationsbeauftragte",
         "Jobcenter, Arbeitsagentur, lokale Akteure", "short", ""),
        ("4.2", "An Netzwerken und Veranstaltungen zur Arbeitsmarktintegration teilnehmen",
         "Integrationsbeauftragte & Integrationsteam", "", "continuous", ""),
        ("4.3", "Bedarf für einen ehrenamtlichen Arbeitskreis berufliche Integration "
                "prüfen (Patenschaften für die Arbeitssuche)",
         "Integrationsbeauftragte, Koordination Ehrenamt", "Ehrenamtliche, Arbeitskreise",
         "medium", "ggf. Sachkosten"),
    ]),
    (5, "housing", "Private Wohnungen", [
        ("long", "Geflüchtete leben in eigenem Wohnraum; Gemeinschaftsunterkünfte sind die "
                 "Ausnahme."),
        ("continuous", "Günstigen und geförderten Wohnraum schaffen."),
    ], [
        ("5.1", "Bei Bedarf weiter Wohnungen für zugewiesene Geflüchtete anmieten (bis zu "
                "zwei Jahre)", "Integrationsteam", "Gebäudewirtschaft", "continuous",
         "Personalaufwand"),
        ("5.2", "Kontakt zu Wohnungsunternehmen und Vermietern pflegen, um privaten "
                "Wohnraum zu vermitteln", "Integrationsteam",
         "Wohnungsunternehmen, Vermieter", "continuous", "Personalaufwand"),
        ("5.3", "Unterkünfte nach Bedarf weiterentwickeln, zurück- oder umbauen",
         "Integrationsteam", "Gebäudewirtschaft", "continuous",
         "ggf. Bau- und Betriebskosten"),
        ("5.4", "Belegung und Betreuung einer Unterkunft für bis zu 60 Personen "
                "konzeptionell begleiten", "Integrationsteam & Integrationsbeauftragte", "",
         "continuous", "Personalaufwand"),
        ("5.5", "Geflüchtete beim Einleben in die eigene Wohnung begleiten, ggf. mit "
                "Ehrenamtlichen", "Integrationsteam", "ggf. Ehrenamt", "continuous",
         "Personalaufwand"),
        ("5.6", "(Um-)Bau günstigen und geförderten Wohnraums fördern",
         "Abteilung Stadtentwicklung (3.00) & Soziales (1.50)", "", "continuous", ""),
    ]),
    (6, "leisure_participation", "Religion & Freizeit", [
        ("continuous", "Begegnung in Vereinen, Gemeinden und Freizeitangeboten fördern."),
    ], [
        ("6.1", "An Netzwerken mit Migrantenorganisationen und Religionsgemeinschaften "
                "teilnehmen", "Integrationsbeauftragte",
         "Migrantenorganisationen, Kirchengemeinden", "continuous", ""),
        ("6.2", "Mit Sportvereinen und Kreissportbund Angebote austauschen, ggf. gemeinsame "
                "Projekte", "Integrationsbeauftragte", "Sportvereine, Stadt- und "
                "Kreissportbund", "continuous", ""),
        ("6.3", "Angebote für verschiedene Zielgruppen laufend prüfen und mit lokalen "
                "Partnern anbieten (z. B. Schwimmkurse für Frauen)",
         "Integrationsbeauftragte", "verschiedene Akteure", "continuous",
         "ggf. Projektkosten"),
    ]),
]

# Status over the years: measure number -> (year of completion or stop, final state);
# every other measure is continuous work "in progress".
ENDINGS = {"1.3": (2021, "done"), "4.1": (2020, "done"), "4.3": (2023, "done"),
           "2.4": (2022, "stopped"), "3.2": (2025, "done"), "1.4": (2024, "done")}
# figures kim computes, shown next to the measure (kim/plan/figures.py)
FIGURES_SHOWN = {"1.1": "education_enrolled", "1.2": "education_courses_running",
                 "5.1": "housing_occupied", "5.3": "housing_free",
                 "5.5": "volunteers_assignments", "6.1": "monitoring.pop.foreign"}
REPORT_DAYS = [datetime.date(2019, 9, 30)] + [datetime.date(y, 3, 31)
                                              for y in range(2020, 2027)]
NEEDS = {"in_progress": "Weiter wie geplant; Bedarf im Netzwerk abfragen.",
         "done": "", "stopped": "Kein Bedarf mehr; Mittel anders einsetzen."}


def _entries(number: str, horizon: str) -> list[tuple[datetime.date, str, int]]:
    end = ENDINGS.get(number)
    rows = []
    for i, day in enumerate(REPORT_DAYS):
        if end and day.year >= end[0]:
            rows.append((day, end[1], 100 if end[1] == "done" else 40))
            break
        step = 100 // (len(REPORT_DAYS) + 1)
        progress = min(90, (i + 1) * (step if horizon == "continuous" else step + 5))
        rows.append((day, "in_progress" if i or number[0] in "156" else "not_started",
                     progress if i or number[0] in "156" else 0))
    return rows


@transaction.atomic
def load(municipality: Municipality) -> None:
    """Idempotent: nothing happens when the 2019 concept exists."""
    with scope(municipality=municipality):
        if Plan.objects.filter(municipality=municipality, title=TITLE).exists():
            return
        fields = ensure_default_fields(municipality)
        plan = Plan.objects.create(
            municipality=municipality, title=TITLE, adopted_on=ADOPTED,
            next_report_on=datetime.date(2027, 3, 31), review_on=datetime.date(2022, 3, 31),
            summary="Sechs Bausteine der Integration; jährlicher Sachstandsbericht an den "
                    "Ausschuss und den Integrationsrat, Überprüfung nach drei Jahren.")
        for number, code, name, goals, measures in FIELDS:
            field = fields[code]
            if field.name != name:
                field.name = name
                field.save(update_fields=["name"])
            plan_field = PlanField.objects.create(municipality=municipality, plan=plan,
                                                  field=field, number=number)
            for horizon, text in goals:
                Goal.objects.create(municipality=municipality, plan_field=plan_field,
                                    horizon=horizon, text=text)
            for m_number, text, owner, participants, horizon, effort in measures:
                measure = Measure.objects.create(
                    municipality=municipality, plan_field=plan_field, number=m_number,
                    text=text, owner=owner, participants=participants, horizon=horizon,
                    effort=effort, figure=FIGURES_SHOWN.get(m_number, ""))
                for day, state, progress in _entries(m_number, horizon):
                    StatusEntry.objects.create(
                        municipality=municipality, measure=measure, reported_on=day,
                        state=state, progress=progress, goal=text[:120],
                        timing=f"bis {day.year + 1}" if horizon != "continuous"
                        else "laufend",
                        status=f"Sachstand {day:%m/%Y}: " + (
                            "abgeschlossen" if state == "done" else "eingestellt"
                            if state == "stopped" else "nicht begonnen"
                            if state == "not_started" else "in Arbeit"),
                        need=NEEDS.get(state, ""))
