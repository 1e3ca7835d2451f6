"""The public welcome pages in a real browser: an Arabic page is laid out right to left
(checked on the screenshot: the heading's ink sits at the right edge), a Tigrinya page
shows Ge'ez script; both pass axe. The editors' list passes axe too."""

import io

from django_scopes import scope
from PIL import Image

from kim.welcome.demo import load
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD


def ink_columns(png, box):
    """Leftmost and rightmost column with dark pixels inside ``box`` of the screenshot."""
    image = Image.open(io.BytesIO(png)).convert("L")
    left, top = int(box["x"]), int(box["y"])
    crop = image.crop((left, top, left + int(box["width"]), top + int(box["height"])))
    dark = [x for x in range(crop.width) for y in range(crop.height)
            if crop.getpixel((x, y)) < 100]
    return min(dark), max(dark), crop.width


def test_arabic_page_is_mirrored_and_accessible(page, soest):
    load(soest)
    page.goto("/soest/info/gesundheit/?lang=ar")
    assert page.locator("div.welcome").get_attribute("dir") == "rtl"
    heading = page.locator("article h1")
    assert heading.inner_text() == "الصحة"
    box = page.locator("article").bounding_box()
    box = {**box, "y": heading.bounding_box()["y"], "height": heading.bounding_box()["height"]}
    first, last, width = ink_columns(page.screenshot(full_page=True), box)
    assert last > width - 10 and first > width / 2  # right-aligned: mirrored
    # the search label stands right of its field, as RTL readers expect
    assert (page.locator("label[for=welcome-q]").bounding_box()["x"]
            > page.locator("#welcome-q").bounding_box()["x"])
    assert axe_violations(page) == []

    page.goto("/soest/info/gesundheit/?lang=de")  # the same page in German: not mirrored
    heading = page.locator("article h1")
    box = {**page.locator("article").bounding_box(), "y": heading.bounding_box()["y"],
           "height": heading.bounding_box()["height"]}
    first, last, width = ink_columns(page.screenshot(full_page=True), box)
    assert first < 10 and last < width / 2


def test_tigrinya_page_in_geez_and_accessible(page, soest):
    load(soest)
    page.goto("/soest/info/notfall/?lang=ti")
    assert page.locator("article h1").inner_text() == "ህጹጽ ኩነታት"
    assert page.locator("div.welcome").get_attribute("lang") == "ti"
    assert axe_violations(page) == []
    page.goto("/soest/info/?lang=ti")
    assert axe_violations(page) == []


def test_editors_pages_are_accessible(page, soest, personas):
    load(soest)
    log_in(page, "coordinator-soest", PASSWORD)
    page.goto("/soest/welcome/")
    assert axe_violations(page) == [], "list"
    with scope(municipality=soest):
        from kim.welcome.models import Page

        pk = Page.objects.get(slug="gesundheit").pk
    page.goto(f"/soest/welcome/pages/{pk}/")
    assert axe_violations(page) == [], "edit"
    page.goto(f"/soest/welcome/pages/{pk}/translations/ar/")
    assert axe_violations(page) == [], "translate"
