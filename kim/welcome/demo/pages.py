"""The demo's information pages for Soest, in plain German (short sentences, long words
split with a hyphen). Contact points are the ones [Soest] names (Integrationsteam,
Integrationsbeauftragte, Jobcenter and Ausländerbehörde of the Kreis, KI, VHS, AWO,
Caritas, Diakonie, Stadtteilbüro Süden, "Soest – Engagiert für Flüchtlinge",
Integrationsrat); addresses, phone numbers and opening hours are fictitious.

Each entry: (slug, parent slug, kind, title, text, contact fields).
"""

from __future__ import annotations

from typing import Any

TOPIC, CONTACT = "topic", "contact"


def _contact(street: str, hours: str, phone: str, email: str = "") -> dict[str, str]:
    return {"address": f"{street}, 59494 Soest", "opening_hours": hours, "phone": phone,
            "email": email,
            "map_url": "https://www.openstreetmap.org/search?query="
                       + street.replace(" ", "%20") + "%2C%20Soest"}


PAGES: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    ("ankommen", "", TOPIC, "Ankommen in Soest",
     "Willkommen in Soest!\n\nHier finden Sie wichtige Informationen. "
     "Die Texte sind kurz und einfach.\n\nSie haben Fragen? "
     "Das Integrations-Team hilft Ihnen. Die Beratung kostet nichts.", {}),
    ("erste-schritte", "ankommen", TOPIC, "Die ersten Schritte",
     "Melden Sie sich im Bürgerbüro an. Bringen Sie Ihren Ausweis mit.\n\n"
     "Gehen Sie dann zum Integrations-Team. Dort bekommen Sie einen Termin.\n\n"
     "Öffnen Sie Ihre Post jeden Tag. Briefe von Ämtern sind wichtig.", {}),
    ("asyl", "", TOPIC, "Asyl und Aufenthalt",
     "Ihr Asyl-Verfahren läuft beim Bundesamt. Das Bundesamt heißt kurz BAMF.\n\n"
     "Die Ausländer-Behörde gibt Ihnen Ihre Papiere. Zum Beispiel die Aufenthalts-Erlaubnis."
     "\n\nHalten Sie Ihre Papiere immer gültig. Gehen Sie früh zur Behörde.", {}),
    ("gesundheit", "", TOPIC, "Gesundheit",
     "Sie sind krank? Gehen Sie zu einer Ärztin oder einem Arzt.\n\n"
     "Sie brauchen dafür einen Kranken-Schein. Den Schein bekommen Sie im Sozialamt.\n\n"
     "Später haben Sie eine Kranken-Karte. Nehmen Sie die Karte immer mit.", {}),
    ("notfall", "gesundheit", TOPIC, "Im Notfall",
     "Im Notfall rufen Sie die Nummer 112. Der Anruf ist kostenlos.\n\n"
     "Die Polizei hat die Nummer 110.\n\n"
     "Nachts und am Wochenende hilft der Ärzte-Notdienst. Die Nummer ist 116 117.", {}),
    ("mobilitaet", "", TOPIC, "Bus und Bahn",
     "In Soest fahren Busse. Fahr-Karten gibt es im Bus und am Bahnhof.\n\n"
     "Mit dem Sozial-Ticket fahren Sie günstiger. Fragen Sie im Sozialamt.\n\n"
     "Sie möchten Rad fahren? Es gibt gebrauchte Fahrräder. Fragen Sie das "
     "Integrations-Team.", {}),
    ("schule-kita", "", TOPIC, "Schule und Kita",
     "Kinder lernen in Deutschland in der Schule. Die Schule ist Pflicht.\n\n"
     "Kleine Kinder können in die Kita gehen. Die Kita ist ab einem Jahr möglich.", {}),
    ("kita", "schule-kita", TOPIC, "Die Kita",
     "Melden Sie Ihr Kind früh an. Die Plätze sind knapp.\n\n"
     "In der Kita lernt Ihr Kind Deutsch. Es spielt mit anderen Kindern.", {}),
    ("schule", "schule-kita", TOPIC, "Die Schule",
     "Alle Kinder ab sechs Jahren gehen zur Schule.\n\n"
     "Das Schulamt sucht die passende Schule. Es gibt Klassen für neue Kinder.\n\n"
     "Fragen Sie die Lehrerin oder den Lehrer. Sie dürfen immer fragen.", {}),
    ("sprache", "", TOPIC, "Deutsch lernen",
     "Deutsch ist wichtig für Arbeit und Alltag.\n\n"
     "Es gibt Kurse für Anfänger. Und Kurse für Menschen mit Vorwissen. "
     "Viele Kurse sind an der VHS.", {}),
    ("integrationskurs", "sprache", TOPIC, "Der Integrations-Kurs",
     "Der Integrations-Kurs hat zwei Teile. Sie lernen Deutsch. "
     "Und Sie lernen viel über Deutschland.\n\n"
     "Manchmal müssen Sie den Kurs machen. Das steht dann in einem Brief.\n\n"
     "Die VHS und das Integrations-Team beraten Sie.", {}),
    ("arbeit", "", TOPIC, "Arbeit",
     "Sie möchten arbeiten? Das Jobcenter hilft Ihnen.\n\n"
     "Manchmal brauchen Sie eine Erlaubnis. Fragen Sie die Ausländer-Behörde.\n\n"
     "Haben Sie Zeugnisse? Bringen Sie die Zeugnisse zur Beratung mit.", {}),
    ("leistungen", "", TOPIC, "Geld zum Leben",
     "Am Anfang bekommen Sie Geld vom Sozialamt.\n\n"
     "Später ist oft das Jobcenter zuständig. Sie bekommen dann einen Brief.\n\n"
     "Melden Sie Änderungen sofort. Zum Beispiel eine neue Arbeit.", {}),
    ("wohnen", "", TOPIC, "Wohnen",
     "Zuerst wohnen Sie in einer Unterkunft der Stadt.\n\n"
     "Später können Sie eine eigene Wohnung suchen. Die Stadt hilft bei der Suche.\n\n"
     "Halten Sie die Haus-Ordnung ein. Ab 22 Uhr ist Nacht-Ruhe.", {}),
    ("freizeit", "", TOPIC, "Freizeit",
     "In Soest gibt es viele Vereine. Dort treffen Sie neue Menschen.\n\n"
     "Im Sport-Verein können Sie Fußball spielen. Oder schwimmen.\n\n"
     "Im Bewohner-Zentrum gibt es Angebote für Kinder und Jugendliche.", {}),
    ("hilfe", "", TOPIC, "Hilfe im Alltag",
     "Viele Menschen in Soest helfen gern. Sie arbeiten ehrenamtlich.\n\n"
     "Es gibt Kleidung und Möbel für wenig Geld.\n\n"
     "Integrations-Lotsen begleiten Sie zu Terminen.", {}),
    ("anlaufstellen", "", TOPIC, "Anlaufstellen",
     "Hier finden Sie wichtige Stellen in Soest. Mit Adresse und Telefon.", {}),
    ("integrationsteam", "anlaufstellen", CONTACT, "Integrations-Team der Stadt Soest",
     "Das Integrations-Team berät Sie. Bei Fragen zu Wohnen, Geld und Papieren.\n\n"
     "Sie bekommen hier auch Ihre Termine.",
     _contact("Am Vreithof 8", "Mo–Do 8:30–12:00, Do 14:00–17:00", "02921 103-0000",
              "integration@soest.example")),
    ("integrationsbeauftragte", "anlaufstellen", CONTACT,
     "Die Integrations-Beauftragte",
     "Die Integrations-Beauftragte ist für alle Menschen mit Zuwanderung da.\n\n"
     "Sie verbindet Vereine, Schulen und Ämter.",
     _contact("Am Vreithof 8", "nach Termin", "02921 103-0001")),
    ("jobcenter", "anlaufstellen", CONTACT, "Jobcenter Kreis Soest",
     "Das Jobcenter hilft bei der Arbeits-Suche. Es zahlt auch Geld zum Leben.",
     _contact("Hoher Weg 1", "Mo–Fr 8:00–12:30", "02921 300-000")),
    ("auslaenderbehoerde", "anlaufstellen", CONTACT, "Ausländer-Behörde des Kreises Soest",
     "Hier bekommen Sie Ihre Papiere. Zum Beispiel den Aufenthalts-Titel.\n\n"
     "Machen Sie vorher einen Termin.",
     _contact("Hoher Weg 3", "Mo, Di, Do 8:00–12:00", "02921 30-0002")),
    ("ki", "anlaufstellen", CONTACT, "Kommunales Integrations-Zentrum (KI)",
     "Das KI arbeitet für den ganzen Kreis. Es hilft Schulen und Familien.",
     _contact("Hoher Weg 5", "Mo–Fr 9:00–12:00", "02921 30-0003")),
    ("vhs", "anlaufstellen", CONTACT, "Volkshochschule (VHS) Soest",
     "Die VHS bietet Deutsch-Kurse an. Auch Integrations-Kurse.",
     _contact("Nöttenstraße 29", "Mo–Fr 9:00–12:00, Di 14:00–17:00", "02921 103-0004")),
    ("sozialamt", "anlaufstellen", CONTACT, "Sozialamt der Stadt Soest",
     "Das Sozialamt zahlt Leistungen nach dem Asylbewerber-Leistungs-Gesetz. "
     "Hier gibt es den Kranken-Schein.",
     _contact("Windmühlenweg 21", "Mo–Fr 8:30–12:00", "02921 103-0005")),
    ("kleiderkammer", "anlaufstellen", CONTACT, "Kleiderkammer",
     "Hier gibt es Kleidung für wenig Geld. Auch Schuhe und Bett-Wäsche.",
     _contact("Thomästraße 10", "Di und Do 15:00–18:00", "02921 000-0006")),
    ("migrationsberatung", "anlaufstellen", CONTACT,
     "Migrations-Beratung von AWO, Caritas und Diakonie",
     "Die Wohlfahrts-Verbände beraten Erwachsene. Die Beratung ist kostenlos.",
     _contact("Walburgerstraße 44", "nach Termin", "02921 000-0007")),
    ("jugendmigrationsdienst", "anlaufstellen", CONTACT, "Jugend-Migrations-Dienst",
     "Der Dienst berät junge Menschen bis 27 Jahre. Zu Schule, Ausbildung und Beruf.",
     _contact("Walburgerstraße 46", "Mo–Do 10:00–16:00", "02921 000-0008")),
    ("stadtteilbuero-sued", "anlaufstellen", CONTACT, "Stadtteil-Büro Süden",
     "Das Büro ist ein Treffpunkt im Soester Süden. Hier gibt es Beratung und Kurse.",
     _contact("Britischer Weg 2", "Mo–Fr 10:00–13:00", "02921 000-0009")),
    ("engagiert", "anlaufstellen", CONTACT, "Soest – Engagiert für Flüchtlinge",
     "Hier arbeiten Ehrenamtliche. Sie helfen beim Ankommen.\n\n"
     "Zum Beispiel bei Briefen oder bei der Wohnungs-Suche.",
     _contact("Am Vreithof 8", "Mi 15:00–18:00", "02921 103-0010")),
    ("integrationsrat", "anlaufstellen", CONTACT, "Der Integrations-Rat",
     "Der Integrations-Rat vertritt Menschen mit Zuwanderung in der Politik.\n\n"
     "Die Sitzungen sind öffentlich. Sie können zuhören.",
     _contact("Am Vreithof 8", "Sitzungen nach Plan", "02921 103-0011")),
]
