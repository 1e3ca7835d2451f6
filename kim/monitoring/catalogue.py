"""The indicator catalogue of [IMIS] 3. (Integrationsmonitoring Soest), loaded for every
municipality and editable there. Names and definitions are municipal data (German, as the
municipality publishes them), not interface text.

Each entry: (code, topic, name, unit, level, periodicity, source, definition,
numerator code, denominator code, basis).
"""

from __future__ import annotations

from typing import Any

CATALOGUE: tuple[tuple[str, ...], ...] = (
    # population
    ("pop.total", "population", "Einwohnerinnen und Einwohner", "persons", "sub_district",
     "annual", "Einwohnermeldeamt", "Personen mit Hauptwohnsitz am 31.12.", "", "",
     "[IMIS] 2.1"),
    ("pop.foreign", "population", "Ausländerinnen und Ausländer", "persons", "sub_district",
     "annual", "Einwohnermeldeamt", "Personen ohne deutsche Staatsangehörigkeit", "", "",
     "[IMIS] 2.1"),
    ("pop.migration", "population", "Personen mit Migrationshintergrund", "persons",
     "sub_district", "annual", "Einwohnermeldeamt (Ableitung MigraPro)",
     "Ausländer, Eingebürgerte, (Spät-)Aussiedler und deren Kinder", "", "", "[IMIS] 2.1"),
    ("pop.migration_share", "population", "Anteil mit Migrationshintergrund", "percent",
     "sub_district", "annual", "Einwohnermeldeamt", "Personen mit Migrationshintergrund je "
     "100 Einwohner", "pop.migration", "pop.total", "[IMIS] 2.1"),
    ("pop.refugees", "population", "Geflüchtete in kommunaler Zuständigkeit", "persons",
     "district", "monthly", "kim (Personen und Aufenthaltsstatus)",
     "Personen mit Aufenthaltsgestattung, Duldung oder Schutzstatus", "", "", "[Soest] Tab. 2"),
    # distribution
    ("dist.segregation_districts", "distribution",
     "Segregationsindex (Dissimilarität) der Stadtbezirke", "index", "municipality",
     "annual", "berechnet aus pop.migration und pop.total", "Duncan-Index über die Bezirke",
     "", "", "[IMIS] 2.2"),
    # Kita
    ("kita.children", "kita", "Kinder in Kindertageseinrichtungen", "persons", "institution",
     "annual", "Jugendamt / Kita-Träger", "Betreute Kinder am 1.3.", "", "", "[IMIS] 3.1"),
    ("kita.children_migration", "kita", "Kita-Kinder mit Migrationshintergrund", "persons",
     "institution", "annual", "Jugendamt / Kita-Träger",
     "Kinder mit mindestens einem im Ausland geborenen Elternteil", "", "", "[IMIS] 3.1"),
    ("kita.migration_share", "kita", "Anteil Kita-Kinder mit Migrationshintergrund",
     "percent", "institution", "annual", "Jugendamt", "", "kita.children_migration",
     "kita.children", "[IMIS] 3.1"),
    # schools
    ("school.pupils", "school", "Schülerinnen und Schüler", "persons", "institution",
     "annual", "IT.NRW Schulstatistik", "Schüler an allgemeinbildenden Schulen", "", "",
     "[IMIS] 3.1, [Soest] Tab. 5"),
    ("school.pupils_migration", "school", "Schüler mit Zuwanderungsgeschichte", "persons",
     "institution", "annual", "IT.NRW Schulstatistik", "", "", "", "[IMIS] 3.1"),
    ("school.migration_share", "school", "Anteil Schüler mit Zuwanderungsgeschichte",
     "percent", "institution", "annual", "IT.NRW", "", "school.pupils_migration",
     "school.pupils", "[IMIS] 3.1"),
    ("school.segregation_primary", "school", "Segregationsindex der Grundschulen", "index",
     "municipality", "annual", "berechnet", "Duncan-Index über die Grundschulen", "", "",
     "[IMIS] 3.1"),
    ("school.gymnasium_share", "school", "Übergangsquote zum Gymnasium (ausländische Kinder)",
     "percent", "municipality", "annual", "IT.NRW", "", "", "", "[IMIS] 3.1"),
    ("school.newcomer_pupils", "school", "Neu zugewanderte Schülerinnen und Schüler",
     "persons", "municipality", "annual", "Schulamt / kim", "", "", "", "[Soest] Tab. 5"),
    # vocational training
    ("voc.apprentices_foreign", "vocational", "Ausländische Auszubildende", "persons",
     "municipality", "annual", "IHK / HWK", "", "", "", "[IMIS] 3.2"),
    ("voc.no_degree_share", "vocational", "Schulabgänger ohne Abschluss (Ausländer)",
     "percent", "municipality", "annual", "IT.NRW", "", "", "", "[IMIS] 3.2"),
    # employment
    ("emp.employed_foreign", "employment",
     "Sozialversicherungspflichtig Beschäftigte (Ausländer)", "persons", "municipality",
     "annual", "Bundesagentur für Arbeit", "am 30.6.", "", "", "[IMIS] 3.3"),
    ("emp.unemployed_foreign", "employment", "Arbeitslose Ausländerinnen und Ausländer",
     "persons", "municipality", "monthly", "Jobcenter / Bundesagentur für Arbeit", "", "", "",
     "[IMIS] 3.3"),
    ("emp.unemployment_rate_foreign", "employment", "Arbeitslosenquote der Ausländer",
     "percent", "municipality", "annual", "Bundesagentur für Arbeit", "", "", "",
     "[IMIS] 3.3"),
    # social situation
    ("soc.sgb2_foreign", "social", "Ausländische Leistungsberechtigte SGB II", "persons",
     "district", "annual", "Jobcenter", "", "", "", "[IMIS] 3.4"),
    ("soc.asylblg", "social", "Leistungsberechtigte nach AsylbLG", "persons", "district",
     "annual", "kim (Leistungen)", "", "", "", "[Soest] Tab. 2"),
    # leisure
    ("leisure.club_members_migration", "leisure",
     "Vereinsmitglieder mit Migrationshintergrund", "persons", "municipality", "annual",
     "Stadtsportverband (Umfrage)", "", "", "", "[IMIS] 3.5"),
    # crime
    ("crime.suspects_foreign", "crime", "Nichtdeutsche Tatverdächtige", "persons",
     "municipality", "annual", "Polizeiliche Kriminalstatistik", "", "", "", "[IMIS] 3.6"),
    # political participation
    ("pol.council_turnout", "politics", "Wahlbeteiligung Integrationsratswahl", "percent",
     "municipality", "annual", "Wahlamt", "", "", "", "[IMIS] 3.8"),
    ("pol.naturalisations", "politics", "Einbürgerungen", "persons", "municipality",
     "annual", "Ausländerbehörde", "", "", "", "[IMIS] 3.8"),
    # religion
    ("rel.communities", "religion", "Religionsgemeinschaften mit Migrationsbezug", "count",
     "municipality", "annual", "Kirchen- und Moscheegemeinden", "", "", "", "[IMIS] 3.9"),
    # administration
    ("adm.staff_migration_share", "administration",
     "Anteil Beschäftigte der Stadtverwaltung mit Migrationshintergrund", "percent",
     "municipality", "annual", "Personalamt", "", "", "", "[IMIS] 3.10"),
    # integration courses
    ("course.entrants", "courses", "Eintritte in Integrationskurse", "persons",
     "municipality", "annual", "BAMF / Kursträger", "", "", "", "[IMIS] 3.1"),
    ("course.completed_b1_share", "courses", "Anteil Abschlüsse B1 im DTZ", "percent",
     "municipality", "annual", "BAMF", "", "", "", "[IMIS] 3.1"),
)


def load_catalogue(municipality: Any) -> int:
    """Add the catalogue's indicators the municipality does not have yet (by code);
    edited ones stay as they are. Returns how many were added."""
    from django_scopes import scope

    from kim.monitoring.models import Indicator

    with scope(municipality=municipality):
        return _load(municipality, Indicator)


def _load(municipality: Any, Indicator: Any) -> int:  # noqa: N803 - the model class
    have = set(Indicator.objects.filter(municipality=municipality)
               .values_list("code", flat=True))
    added = {}
    for (code, topic, name, unit, level, periodicity, source, definition, _num, _den,
         basis) in CATALOGUE:
        if code not in have:
            added[code] = Indicator.objects.create(
                municipality=municipality, code=code, topic=topic, name=name, unit=unit,
                level=level, periodicity=periodicity, source=source, definition=definition,
                basis=basis)
    for code, *_rest, numerator, denominator, _basis in CATALOGUE:
        if code in added and numerator:
            indicator = added[code]
            indicator.numerator = Indicator.objects.get(municipality=municipality,
                                                        code=numerator)
            indicator.denominator = Indicator.objects.get(municipality=municipality,
                                                          code=denominator)
            indicator.save(update_fields=["numerator", "denominator"])
    return len(added)
