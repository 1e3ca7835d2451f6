"""Information pages of the welcome folder (product.md §2.2 "Willkommensordner").

A ``Page`` holds the German source text; each ``Translation`` records the source
``version`` it was made from, so a page whose German text changed since shows its
translation as outdated. Pages form a tree (topics with sub-pages and contact points).
"""

from __future__ import annotations

from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models import TenantModel
from kim.welcome.languages import LANGUAGES, TRANSLATION_LANGUAGES

PHONE = RegexValidator(r"^[0-9+()/ \-]{3,40}$",
                       _("Enter digits, spaces and + ( ) / - only."))


class PageKind(models.TextChoices):
    TOPIC = "topic", _("topic")
    CONTACT = "contact", _("contact point")


@audited()
class Page(TenantModel):
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="children", verbose_name=_("parent page"))
    slug = models.SlugField(_("address (slug)"), max_length=80,
                            help_text=_("Part of the public address, e.g. health."))
    kind = models.CharField(_("kind"), max_length=10, choices=PageKind.choices,
                            default=PageKind.TOPIC)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    title = models.CharField(_("title (German)"), max_length=150)
    body = models.TextField(_("text (German)"),
                            help_text=_("Plain language: short sentences, one idea each. "
                                        "An empty line starts a new paragraph."))
    address = models.CharField(_("address"), max_length=200, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[PHONE])
    email = models.EmailField(_("e-mail"), blank=True)
    map_url = models.URLField(_("map link"), blank=True,
                              validators=[URLValidator(schemes=["https"])])
    published = models.BooleanField(_("published"), default=True)
    # Raised whenever the German title or text changes: translations compare against it.
    version = models.PositiveIntegerField(_("version of the German text"), default=1,
                                          editable=False)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
        ordering = ["order", "title", "pk"]
        constraints = [models.UniqueConstraint(fields=["municipality", "slug"],
                                               name="welcome_page_unique_slug")]

    def __str__(self) -> str:
        return self.title


@audited()
class Translation(TenantModel):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="translations",
                             verbose_name=_("page"))
    language = models.CharField(_("language"), max_length=3,
                                choices=[(c, LANGUAGES[c].native)
                                         for c in TRANSLATION_LANGUAGES])
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("text"))
    source_version = models.PositiveIntegerField(_("made from German version"))
    # Demo data: written to show the feature, not checked by a translator.
    illustrative = models.BooleanField(_("illustrative demo translation"), default=False,
                                       editable=False)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        ordering = ["page", "language"]
        constraints = [models.UniqueConstraint(fields=["municipality", "page", "language"],
                                               name="welcome_translation_unique_language")]

    def __str__(self) -> str:
        return f"{self.page} ({self.get_language_display()})"  # the name in its own language

    @property
    def outdated(self) -> bool:
        return self.source_version < self.page.version
