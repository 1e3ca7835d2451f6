"""The person search ranked by relevance (product.md §2.1, issue 13: "Hoseini" lists the
Hosseinis first, "Achmadi" finds Ahmadi).

The candidates come from the indexed search (:func:`kim.people.domain.persons.search`);
each is then scored against the query with the same name model as the duplicate check:
exact (same name once spelling variants are folded) before phonetic (sounds alike) before
variant (found through a looser transliteration), by similarity within each kind. At most
``RANKED`` candidates are scored; beyond that the rest follows alphabetically (a query that
broad needs more words or the year of birth, and the page says so).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kim.core.models import Municipality
from kim.people.domain.names import MATCH_EXACT, MATCH_PHONETIC, MATCH_VARIANT, match_kind
from kim.people.domain.persons import _ID_LIKE, search
from kim.people.models import PersonName

RANKED = 2000
_ORDER = {MATCH_EXACT: 0, MATCH_PHONETIC: 1, MATCH_VARIANT: 2}


@dataclass
class Ranked:
    ids: list[int] = field(default_factory=list)  # person ids, best first
    kinds: dict[int, str] = field(default_factory=dict)  # person id -> match kind
    truncated: bool = False  # more candidates than were scored


def ranked_search(municipality: Municipality, text: str,
                  birth_year: int | None = None) -> Ranked:
    """Person ids matching ``text`` in order of relevance (three queries)."""
    qs = search(municipality, text, birth_year)
    text = text.strip()
    if not text or _ID_LIKE.match(text):
        return Ranked(ids=list(qs.values_list("pk", flat=True)))
    rows = list(qs.values_list("pk", "family_name", "given_names")[:RANKED + 1])
    truncated = len(rows) > RANKED
    rows = rows[:RANKED]
    variants: dict[int, list[str]] = defaultdict(list)
    for person_id, family, given in PersonName.objects.filter(
            person_id__in=[r[0] for r in rows]).values_list("person_id", "family_name",
                                                            "given_names"):
        variants[person_id] += [family, f"{given} {family}".strip()]
    scored = []
    for pk, family, given in rows:
        kind, score = match_kind(text, [family, given, f"{given} {family}",
                                        *variants.get(pk, [])])
        scored.append((_ORDER[kind], -score, family.casefold(), given.casefold(), pk, kind))
    scored.sort()
    result = Ranked(ids=[s[4] for s in scored], kinds={s[4]: s[5] for s in scored},
                    truncated=truncated)
    if truncated:
        seen = set(result.ids)
        result.ids += [pk for pk in qs.values_list("pk", flat=True) if pk not in seen]
    return result


def household_names(municipality: Municipality, person_ids: list[int] | tuple[int, ...]
                    ) -> dict[int, str]:
    """The current household of each person (a person list column, one query)."""
    from kim.people.models import HouseholdMember

    return {pid: name or f"#{hid}" for pid, hid, name in HouseholdMember.objects.filter(
        municipality=municipality, person_id__in=list(person_ids), valid_to=None)
        .values_list("person_id", "household_id", "household__name")}
