"""Fixed vocabularies of the volunteers module: skills (= needs of requests), roles, weekly
slots, language levels, offer categories. Codes are stored; labels are translated.

Why fixed lists and not free text: the optimiser compares skills and slots for equality
(kim/volunteers/matching/README.md), so a request and a volunteer must use the same code."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Skill(models.TextChoices):
    AUTHORITIES = "authorities", _("accompanying to offices and doctors")
    HOMEWORK = "homework", _("homework help")
    LANGUAGE_PRACTICE = "language_practice", _("practising German")
    INTERPRETING = "interpreting", _("interpreting")
    MOBILITY = "mobility", _("mobility (bicycle, bus, driving)")
    SPORT = "sport", _("sport")
    LEISURE = "leisure", _("culture and leisure")
    ORIENTATION = "orientation", _("first orientation in town")
    CLOTHING = "clothing", _("clothing store")
    FLAT_SEARCH = "flat_search", _("looking for a flat")
    JOB_SEARCH = "job_search", _("applications and job search")


class VolunteerRole(models.TextChoices):
    LOTSE = "lotse", _("integration guide (Integrationslotse)")
    PATE = "pate", _("mentor (Pate)")
    SPORTPATE = "sportpate", _("sport mentor (Sportpate)")
    INTERPRETER = "interpreter", _("interpreter")
    HELPER = "helper", _("helper")


class Level(models.TextChoices):
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"
    NATIVE = "native", _("native speaker")


DAYS = (("mon", _("Monday")), ("tue", _("Tuesday")), ("wed", _("Wednesday")),
        ("thu", _("Thursday")), ("fri", _("Friday")), ("sat", _("Saturday")),
        ("sun", _("Sunday")))
PARTS = (("am", _("morning")), ("pm", _("afternoon")), ("eve", _("evening")))
# "mon-am" … "sun-eve": 21 weekly slots, the codes the optimiser compares
SLOTS: tuple[str, ...] = tuple(f"{day}-{part}" for day, _d in DAYS for part, _p in PARTS)
SLOT_CODES = frozenset(SLOTS)


def slot_label(code: str) -> str:
    """ "mon-am" → "Montag Vormittag" (lazy labels are rendered now)."""
    day, _sep, part = code.partition("-")
    days, parts = dict(DAYS), dict(PARTS)
    if day not in days or part not in parts:
        return code
    return f"{days[day]} {parts[part]}"


def slot_labels(codes: list[str]) -> list[str]:
    """Labels of slot codes in weekly order (Monday morning first)."""
    order = {code: i for i, code in enumerate(SLOTS)}
    return [slot_label(c) for c in sorted(codes, key=lambda c: (order.get(c, len(order)), c))]


def slot_choices() -> list[tuple[str, str]]:
    return [(code, slot_label(code)) for code in SLOTS]


# Languages offered in the request form (the volunteer's languages are free ISO codes).
COMMON_LANGUAGES = ("ar", "fa", "prs", "ps", "ku", "kmr", "ti", "so", "am", "tr", "ru",
                    "uk", "sq", "sr", "ro", "bg", "pl", "fr", "en", "es", "ur", "de")


class OfferCategory(models.TextChoices):
    SPORT = "sport", _("sport")
    CLUB = "club", _("club or association")
    MIGRANT_ORGANISATION = "migrant_org", _("migrant organisation")
    RELIGIOUS = "religious", _("religious community")
    LANGUAGE = "language", _("language café and conversation")
    COUNSELLING = "counselling", _("counselling")
    CHILDREN = "children", _("children and youth")
    CULTURE = "culture", _("culture and leisure")
    CLOTHING = "clothing", _("clothing and household goods")
