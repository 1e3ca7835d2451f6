"""The explanations inside legal bases, by code, so that kim can render them in German.

A basis is one or more citations (German legal language, shown as they are) joined by
``; ``, each optionally explained: ``§ 12a Abs. 1 AufenthG (3 years elapsed)``. The
explanations are English in the engine's JSON (legal-rules.md §2.2: ``basis`` is free
text) and all come from :data:`REASONS`, built with :func:`reason`. :func:`parts` finds
them again in a basis as ``(code, parameters)``, so the Django layer renders its own
translation of each code with the same parameters; a test checks that every basis the
engine can produce splits into citations and known reasons only.
"""

from __future__ import annotations

import re

# code -> English template; ``{years}``/``{months}`` are numbers, ``{day}`` a date
# DD.MM.YYYY, ``{name}`` free text without ``;()``.
REASONS: dict[str, str] = {
    "adult": "adult",
    "bamf_admission_stop": "BAMF practice: no new admissions under § 44 Abs. 4 AufenthG",
    "bamf_good_prospect": "BAMF practice: good prospect to stay",
    "course_expired": "entitlement of § 44 Abs. 2 expired",
    "earlier_law": "earlier law out of scope, rule of {day} applied",
    "eu_member": "EU member state",
    "exception": "exception",
    "fehlbeleger": "Fehlbeleger: residents with a residence permit",
    "first_months": "first {months} months",
    "german_citizen": "German citizen",
    "local_list": "local list of {name}",
    "no_claim_under_3": "no claim under 3 before {day}",
    "no_good_prospect": "no good prospect to stay",
    "no_rule": "no rule for this date",
    "no_title": "neither title nor Duldung",
    "not_admissible": "not admissible with this status",
    "not_decided": "not decided for settled, EU and German persons",
    "own_flat_recognition": "own flat at the latest with the recognition",
    "residence_permit": "residence permit",
    "school_duty": "school duty",
    "school_duty_ended": "school duty ended",
    "school_duty_started": "school duty started",
    "status_before": "status before {day}",
    "status_not_covered": "status not covered",
    "tolerated_or_leaving": "tolerated or obliged to leave",
    "under_16": "under 16",
    "years_elapsed": "{years} years elapsed",
}

_PARAM = {"years": r"\d+", "months": r"\d+", "day": r"\d{2}\.\d{2}\.\d{4}", "name": r"[^;()]+?"}
_FIELD = re.compile(r"\{(\w+)\}")


def reason(code: str, **params: object) -> str:
    """The English text of reason ``code`` (KeyError for an unknown code)."""
    return REASONS[code].format(**params)


def _pattern() -> re.Pattern[str]:
    alternatives = []
    # longest first: "school duty ended" before "school duty"
    for index, code in enumerate(sorted(REASONS, key=lambda c: -len(REASONS[c]))):
        template = REASONS[code]
        pieces, last = [], 0
        for field in _FIELD.finditer(template):
            pieces.append(re.escape(template[last : field.start()]))
            pieces.append(f"(?P<p{index}_{field.group(1)}>{_PARAM[field.group(1)]})")
            last = field.end()
        pieces.append(re.escape(template[last:]))
        alternatives.append(f"(?P<r{index}_{code}>{''.join(pieces)})")
    # a reason is a whole piece: between start/"; "/"(" and end/";"/")"
    return re.compile(rf"(?<![^\s(;:])(?:{'|'.join(alternatives)})(?=$|[;)])")


_REASON = _pattern()

Part = str | tuple[str, dict[str, str]]


def parts(basis: str) -> list[Part]:
    """``basis`` as literal text (citations, punctuation) and ``(code, params)`` reasons."""
    result: list[Part] = []
    last = 0
    for match in _REASON.finditer(basis):
        if match.start() > last:
            result.append(basis[last : match.start()])
        name = next(key for key, value in match.groupdict().items() if key[0] == "r" and value)
        prefix, code = name.split("_", 1)
        params = {
            key.split("_", 1)[1]: value
            for key, value in match.groupdict().items()
            if key.startswith(f"p{prefix[1:]}_") and value is not None
        }
        result.append((code, params))
        last = match.end()
    if last < len(basis):
        result.append(basis[last:])
    return result
