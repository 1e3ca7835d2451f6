"""Dates in messages follow the language: 05.03.2024 in German, 03/05/2024 in English
(before, 23 hard-coded ``%d.%m.%Y`` showed German dates in the English UI and the
engine's ISO dates appeared on German pages as "Ab 2026-12-26")."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from kim.core.localize import short_date, short_datetime, short_month
from kim.people.decision_labels import upcoming
from kim.people.models import LegalStatus, Person

DAY = datetime.date(2024, 3, 5)


@pytest.mark.parametrize(("language", "day", "month", "moment"), [
    ("de", "05.03.2024", "03.2024", "05.03.2024 14:30"),
    ("en", "03/05/2024", "03/2024", "03/05/2024 2:30 p.m."),
])
def test_short_formats_follow_the_language(language, day, month, moment):
    with translation.override(language):
        assert short_date(DAY) == day
        assert short_month(DAY) == month
        assert short_datetime(datetime.datetime(2024, 3, 5, 14, 30)) == moment


@pytest.mark.parametrize(("language", "status", "birth", "change", "page"), [
    ("de", "Aufenthaltsgestattung (§ 55 AsylG) ab 05.03.2024", "03.1990",
     "Ab 26.12.2026: Leistungen – Grundleistungen nach § 3 AsylbLG", "Aufgelöst am 05.03.2024."),
    ("en", "Aufenthaltsgestattung (§ 55 AsylG) from 03/05/2024", "03/1990",
     "From 12/26/2026: Benefits – basic benefits under § 3 AsylbLG", "Dissolved on 03/05/2024."),
])
def test_messages_in_german_and_english(language, status, birth, change, page):
    person = Person(family_name="Haddad", given_names="Mariam",
                    birth_date=datetime.date(1990, 3, 1), birth_date_precision="month")
    template = Template('{% load i18n %}{% blocktranslate trimmed with '
                        'day=d|date:"SHORT_DATE_FORMAT" %}Dissolved on {{ day }}.'
                        '{% endblocktranslate %}')
    with translation.override(language):
        assert str(LegalStatus(code="gestattung", valid_from=DAY)) == status
        assert person.birth_date_display == birth
        (item,) = upcoming({"upcoming": [{"date": "2026-12-26", "field": "benefits.regime",
                                          "value": "asylblg_basic"}]})
        assert (f"{translation.gettext('From %(date)s: %(label)s – %(value)s')}"
                % item) == change
        assert template.render(Context({"d": DAY})) == page
