"""The indicator catalogue of [IMIS] 3. (Integrationsmonitoring Soest), loaded for every
municipality and editable there. Names and definitions are municipal data (German, as the
municipality publishes them), not interface text.

Each entry: (code, topic, name, unit, level, periodicity, source, definition,
numerator code, denominator code, basis).
"""

from __future__ import annotations

from typing import Any

from kim.core.audit.writer import record_bulk

KIM_STATUS = "kim (Personen und Aufenthaltsstatus)"
KIM_EDUCATION = "kim (Bildung und Arbeit)"
CHILDCARE = "Betreuung am Stichtag laut der letzten erfassten Situation"
EMPLOYMENT = "Personen von 18 bis 62 Jahren; Tätigkeit laut der letzten erfassten Situation"

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
    ("school.pupils_foreign", "school", "Ausländische Schülerinnen und Schüler", "persons",
     "institution", "annual", "Stadt Soest, Abteilung Bildung und Sport",
     "Schüler ohne deutsche Staatsangehörigkeit, Geflüchtete eingeschlossen", "", "",
     "[Soest] Tab. 5"),
    ("school.inclusion", "school", "Schülerinnen und Schüler im Gemeinsamen Unterricht",
     "persons", "institution", "annual", "Stadt Soest, Abteilung Bildung und Sport",
     "Gemeinsamer Unterricht (GU) von Kindern mit und ohne Förderbedarf", "", "",
     "[Soest] Tab. 5"),
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
    *(  # counts kim computes from its own records (``COMPUTED``, domain/computed.py)
        (code, topic, name, unit, "district", "monthly", source, definition, "", "", basis)
        for code, topic, name, unit, source, definition, basis in (
            ("pop.status_asylum", "population", "Personen im Asylverfahren", "persons",
             KIM_STATUS, "Aufenthaltsgestattung oder Asylgesuch", "[Soest] Tab. 2"),
            ("pop.status_tolerated", "population", "Geduldete und Ausreisepflichtige",
             "persons", KIM_STATUS, "Duldung (§§ 60a–60d AufenthG) oder ausreisepflichtig",
             "[Soest] Tab. 2"),
            ("pop.status_protection", "population",
             "Geflüchtete mit Schutzstatus oder humanitärem Aufenthalt", "persons",
             KIM_STATUS, "Asyl, Flüchtlings- oder subsidiärer Schutz, Abschiebungsverbot, "
             "§§ 23–25 und § 104c AufenthG", "[Soest] Tab. 2"),
            ("pop.status_other", "population", "Weitere Personen in kim", "persons",
             KIM_STATUS, "Niederlassungserlaubnis, EU-Bürger, Deutsche", "[Soest] Tab. 2"),
            *((f"pop.age_{low}_{high}" if high else f"pop.age_{low}_plus", "population",
               f"Personen in kim von {low} bis {high} Jahren" if high
               else f"Personen in kim ab {low} Jahren", "persons", KIM_STATUS,
               "Alter am Stichtag; Personen mit einem Aufenthaltsstatus in kim", "[IMIS] 2.1")
              for low, high in ((0, 5), (6, 17), (18, 64), (65, 0))),
            ("housing.occupied", "social", "Belegte Plätze in kommunalen Unterkünften",
             "persons", "kim (Unterbringung)", "Plätze, die am Stichtag ein Aufenthalt "
             "belegt; Bezirk der Unterkunft", "[Stuttgart] Abb. 1"),
            ("housing.places", "social", "Plätze in kommunalen Unterkünften", "count",
             "kim (Unterbringung)", "Alle Plätze, auch gesperrte; Bezirk der Unterkunft",
             "[Stuttgart] Abb. 1"),
            ("course.enrolled", "courses", "Teilnehmende an Kursen", "persons",
             "kim (Bildung)", "Personen, die am Stichtag in einem Kurs angemeldet sind",
             "[Stuttgart] 5."),
            ("kita.care_kita", "kita", "Kinder unter 6 Jahren in einer Kita", "persons",
             KIM_EDUCATION, CHILDCARE, "[Soest] Tab. 4"),
            ("kita.care_day_care", "kita", "Kinder unter 6 Jahren in Kindertagespflege",
             "persons", KIM_EDUCATION, CHILDCARE, "[Soest] Tab. 4"),
            ("kita.care_home", "kita", "Kinder unter 6 Jahren zu Hause betreut", "persons",
             KIM_EDUCATION, CHILDCARE, "[Soest] Tab. 4"),
            ("kita.care_waiting", "kita", "Kinder unter 6 Jahren auf der Warteliste",
             "persons", KIM_EDUCATION, CHILDCARE, "[Soest] Tab. 4"),
            ("emp.activity_vocational_college", "employment",
             "Erwerbsfähige Geflüchtete am Berufskolleg", "persons", KIM_EDUCATION,
             EMPLOYMENT, "[Soest] Tab. 6"),
            ("emp.activity_language_course", "employment",
             "Erwerbsfähige Geflüchtete im Sprachkurs", "persons", KIM_EDUCATION,
             EMPLOYMENT, "[Soest] Tab. 6"),
            ("emp.activity_employed", "employment",
             "Erwerbsfähige Geflüchtete in Beschäftigung", "persons", KIM_EDUCATION,
             EMPLOYMENT, "[Soest] Tab. 6"),
            ("emp.activity_none", "employment",
             "Erwerbsfähige Geflüchtete ohne Maßnahme oder auf der Warteliste", "persons",
             KIM_EDUCATION, EMPLOYMENT, "[Soest] Tab. 6"),
        )),
)

# Indicator code -> the count kim computes for it (Indicator.computed, domain/computed.py)
COMPUTED = {
    "pop.refugees": "persons.refugees",
    "pop.status_asylum": "persons.status.asylum",
    "pop.status_tolerated": "persons.status.tolerated",
    "pop.status_protection": "persons.status.protection",
    "pop.status_other": "persons.status.other",
    "pop.age_0_5": "persons.age.0-5", "pop.age_6_17": "persons.age.6-17",
    "pop.age_18_64": "persons.age.18-64", "pop.age_65_plus": "persons.age.65-",
    "housing.occupied": "housing.occupied", "housing.places": "housing.places",
    "course.enrolled": "education.enrolled",
    "kita.care_kita": "childcare.kita", "kita.care_day_care": "childcare.day_care",
    "kita.care_home": "childcare.home", "kita.care_waiting": "childcare.waiting",
    "emp.activity_vocational_college": "employment.vocational_college",
    "emp.activity_language_course": "employment.language_course",
    "emp.activity_employed": "employment.employed", "emp.activity_none": "employment.none",
}


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
    for indicator in Indicator.objects.filter(  # catalogue indicators kim now computes
            municipality=municipality, computed="", code__in=list(COMPUTED)):
        indicator.computed = COMPUTED[indicator.code]
        indicator.save(update_fields=["computed"])
    added = {
        code: Indicator(municipality=municipality, code=code, topic=topic, name=name,
                        unit=unit, level=level, periodicity=periodicity, source=source,
                        definition=definition, basis=basis, computed=COMPUTED.get(code, ""))
        for (code, topic, name, unit, level, periodicity, source, definition, _num, _den,
             basis) in CATALOGUE if code not in have}
    if not added:
        return 0
    # One insert and one audit entry for the whole catalogue: it is the same for every new
    # municipality, and ~90 single saves made creating a municipality take a tenth of a second.
    Indicator.objects.bulk_create(added.values())
    by_code = {i.code: i for i in Indicator.objects.filter(municipality=municipality)}
    linked = []
    for code, *_rest, numerator, denominator, _basis in CATALOGUE:
        if code in added and numerator:
            indicator = by_code[code]
            indicator.numerator, indicator.denominator = by_code[numerator], by_code[denominator]
            linked.append(indicator)
    Indicator.objects.bulk_update(linked, ["numerator", "denominator"])
    record_bulk(Indicator, len(added), "indicator catalogue [IMIS] 3. loaded",
                municipality_id=municipality.pk)
    return len(added)
