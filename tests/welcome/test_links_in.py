"""The course catalogue and the offers directory link into the public information site
(issue 16 item 3) now that both modules exist."""

from django.test import Client


def test_the_public_site_links_to_the_catalogue_and_the_offers(soest):
    page = Client().get("/soest/info/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert 'href="/soest/courses/' in page
    assert 'href="/soest/offers/' in page
