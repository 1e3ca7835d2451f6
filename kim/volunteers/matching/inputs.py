"""The JSON input of ``kim volunteers match``, validated into Volunteer/Request records.

Every error raises :class:`InputError` with one line naming the element, e.g.
``volunteers[3].capacity: must be a non-negative integer, got -1`` (list positions count
from 0, as in JSON paths). Unknown keys are ignored (the records may carry more, e.g. a
description); keys given twice in one object are an error (JSON parsers silently keep
the last one, which would hide a mistake).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from .types import LEVEL_STEPS, MAX_ASSIGNMENTS, Key, Request, Volunteer, normalise_language

T = TypeVar("T")
LEVELS = ", ".join(LEVEL_STEPS)


class InputError(ValueError):
    """One line for the user, naming the element."""


class _Object(dict[str, Any]):
    """A JSON object that remembers keys given twice."""

    duplicates: list[str]


def _object_pairs(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj:
            obj.duplicates.append(key)
        obj[key] = value
    return obj


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def decode(data: bytes, name: str) -> Any:
    """Bytes of a JSON file → Python; UTF-8 with or without BOM, or UTF-16 with BOM."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start})") from None
    try:
        return json.loads(text, object_pairs_hook=_object_pairs, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    except ValueError as exc:  # NaN, Infinity
        raise InputError(f"{name}: invalid JSON: {exc}") from None
    except RecursionError:
        raise InputError(f"{name}: invalid JSON: nested too deeply") from None


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return _show(value)


def _object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"{path}: must be an object, got {_kind(value)}")
    for key in getattr(value, "duplicates", []):
        raise InputError(f"{_join(path, key)}: given twice")
    return value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _get(obj: dict[str, Any], key: str, path: str, parse: Callable[[Any, str], T]) -> T:
    if key not in obj:
        raise InputError(f"{_join(path, key)}: is missing")
    return parse(obj[key], _join(path, key))


def _optional(
    obj: dict[str, Any], key: str, path: str, parse: Callable[[Any, str], T], default: T
) -> T:
    if obj.get(key) is None:
        return default
    return parse(obj[key], _join(path, key))


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise InputError(f"{path}: must be a list, got {_kind(value)}")
    return value


def _text(value: Any, path: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{path}: must be a non-empty string, got {_kind(value)}")
    return value


def _texts(value: Any, path: str) -> frozenset[str]:
    return frozenset(_text(item, f"{path}[{i}]") for i, item in enumerate(_list(value, path)))


def _count(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(f"{path}: must be a non-negative integer, got {_kind(value)}")
    if value > MAX_ASSIGNMENTS:
        raise InputError(f"{path}: must be at most {MAX_ASSIGNMENTS}, got {value}")
    return value


def _flag(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise InputError(f"{path}: must be true or false, got {_kind(value)}")
    return value


def _id(value: Any, path: str) -> Key:
    if isinstance(value, bool) or not isinstance(value, int | str) or value == "":
        raise InputError(f"{path}: must be a non-empty string or an integer, got {_kind(value)}")
    return value


def _reference(value: Any, path: str) -> str:
    """A household reference: string or integer, compared as text (7 and "7" are one)."""
    return str(_id(value, path))


def _references(value: Any, path: str) -> frozenset[str]:
    items = _list(value, path)
    return frozenset(_reference(item, f"{path}[{i}]") for i, item in enumerate(items))


def _certificate(value: Any, path: str) -> date | None:
    """true/false, or the last day the certificate of good conduct is valid."""
    if isinstance(value, bool):
        return date.max if value else None
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InputError(
        f"{path}: must be true, false or the last valid day as YYYY-MM-DD, got {_kind(value)}"
    )


def _levels(value: Any, path: str, languages: frozenset[str]) -> dict[str, str]:
    levels: dict[str, str] = {}
    spoken = {normalise_language(code) for code in languages}
    for code, level in _object(value, path).items():
        where = f"{path}.{code}"
        if normalise_language(code) not in spoken:
            raise InputError(f"{where}: not one of the volunteer's languages")
        known = {name.casefold(): name for name in LEVEL_STEPS}
        if not isinstance(level, str) or level.strip().casefold() not in known:
            raise InputError(f"{where}: must be one of {LEVELS}, got {_kind(level)}")
        levels[code] = known[level.strip().casefold()]
    return levels


def volunteer(value: Any, path: str) -> Volunteer:
    obj = _object(value, path)
    key = _get(obj, "id", path, _id)
    languages = _get(obj, "languages", path, _texts)
    skills = _get(obj, "skills", path, _texts)
    districts = _get(obj, "districts", path, _texts)
    slots = _get(obj, "slots", path, _texts)
    capacity = _get(obj, "capacity", path, _count)
    load = _optional(obj, "load", path, _count, 0)
    no_levels: dict[str, str] = {}
    levels = _optional(
        obj, "language_levels", path, lambda v, p: _levels(v, p, languages), no_levels
    )
    no_households: frozenset[str] = frozenset()
    earlier = _optional(obj, "earlier_households", path, _references, no_households)
    certificate = _optional(obj, "certificate", path, _certificate, None)
    try:
        return Volunteer(
            key, languages, skills, districts, slots, capacity, load, levels, earlier, certificate
        )
    except ValueError as exc:  # the checks above come first; this is the records' own
        raise InputError(f"{path}: {exc}") from None


def request(value: Any, path: str) -> Request:
    obj = _object(value, path)
    key = _get(obj, "id", path, _id)
    slots = _get(obj, "slots", path, _texts)
    language = _optional(obj, "language", path, _text, None)
    skill = _optional(obj, "skill", path, _text, None)
    district = _optional(obj, "district", path, _text, None)
    children = _optional(obj, "involves_children", path, _flag, False)
    household = _optional(obj, "household", path, _reference, None)
    try:
        return Request(key, slots, language, skill, district, children, household)
    except ValueError as exc:
        raise InputError(f"{path}: {exc}") from None


def _unique(records: list[Any], kind: str) -> None:
    """Ids must be unique within their list; 7 and "7" count as the same id."""
    first: dict[str, int] = {}
    for position, record in enumerate(records):
        seen = first.setdefault(str(record.key), position)
        if seen != position:
            raise InputError(
                f"{kind}[{position}].id: {_show(record.key)} is also the id of {kind}[{seen}]"
            )


def parse(document: Any) -> tuple[list[Volunteer], list[Request]]:
    """The whole input, or the first error (one line naming the element)."""
    if not isinstance(document, dict):
        raise InputError(
            f'input: must be an object with the keys "volunteers" and "requests", '
            f"got {_kind(document)}"
        )
    top = _object(document, "")
    volunteers = [
        volunteer(item, f"volunteers[{i}]")
        for i, item in enumerate(_get(top, "volunteers", "", _list))
    ]
    requests = [
        request(item, f"requests[{i}]") for i, item in enumerate(_get(top, "requests", "", _list))
    ]
    _unique(volunteers, "volunteers")
    _unique(requests, "requests")
    return volunteers, requests
