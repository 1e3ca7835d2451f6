"""Search tokens: the phonetic keys of every name of a person, one indexed row each.

Derived data: rebuilt from the audited names by
kim.people.domain.persons.store_name_tokens() whenever a person or one of their name
variants is written. Stored so that name search and the duplicate check are index lookups
(``LIKE '% key %'`` on the person table was a full scan).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.models import TenantModel
from kim.people.models.person import Person


class PersonNameToken(TenantModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_tokens",
                               verbose_name=_("person"))
    token = models.CharField(_("token"), max_length=200)
    # The person's birth year: duplicates are only looked for within the same year.
    birth_year = models.PositiveSmallIntegerField(_("year of birth"))

    class Meta:
        verbose_name = _("name search token")
        verbose_name_plural = _("name search tokens")
        # Led by the municipality so that SQLite (no statistics) uses it for lookups by
        # person inside a scope instead of scanning the municipality's rows.
        constraints = [models.UniqueConstraint(fields=["municipality", "person", "token"],
                                               name="name_token_unique")]
        # Covers search (municipality, token → person) and the duplicate check (… + year).
        indexes = [models.Index(fields=["municipality", "token", "birth_year", "person"],
                                name="name_token_lookup")]

    def __str__(self) -> str:
        return f"{self.token} ({self.birth_year})"
