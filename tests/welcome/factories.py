"""Factories for the welcome folder's tests (factory_boy); all data fictitious."""

import factory

from kim.welcome.models import Page, Translation
from tests.casework.factories import AppointmentFactory, MemberFactory, PersonFactory

__all__ = ["AppointmentFactory", "MemberFactory", "PageFactory", "PersonFactory",
           "TranslationFactory"]


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    slug = factory.Sequence(lambda n: f"seite-{n}")
    title = factory.Sequence(lambda n: f"Gesundheit {n}")
    body = "Sie sind krank? Gehen Sie zum Arzt.\n\nNehmen Sie die Karte mit."


class TranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Translation

    municipality = factory.SelfAttribute("page.municipality")
    language = "ar"
    title = "الصحة"
    body = "هل أنت مريض؟ اذهب إلى الطبيب."
    source_version = factory.SelfAttribute("page.version")
