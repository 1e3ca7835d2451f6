"""The welcome folder's part of the conformance world: per call a topic page with a
contact point below it, translated into Arabic and Tigrinya, and a household (the
folder's object)."""

from tests.welcome.factories import MemberFactory, PageFactory, PersonFactory, TranslationFactory


def build(municipality, users, n):
    for _ in range(n):
        topic = PageFactory(municipality=municipality)
        contact = PageFactory(municipality=municipality, parent=topic, kind="contact",
                              address="Am Markt 1, 59494 Soest", phone="02921 000-1")
        TranslationFactory(page=topic)
        TranslationFactory(page=contact, language="ti", title="ርክብ", body="ሓበሬታ")
        MemberFactory(person=PersonFactory(municipality=municipality, family_name="Haddad"))
