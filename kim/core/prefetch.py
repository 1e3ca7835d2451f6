"""Typed access to lists that ``Prefetch(..., to_attr=name)`` puts on model instances.

The attribute exists only at run time, so the type checker cannot know it; reading it
through here keeps the access typed without an ignore comment.
"""

from typing import Any

from django.db.models import Model


def prefetched(obj: Model, name: str) -> list[Any]:
    """The list ``Prefetch(..., to_attr=name)`` set on ``obj``."""
    value = obj.__dict__[name]
    if not isinstance(value, list):
        raise TypeError(f"{name} on {type(obj).__name__} is not a prefetched list")
    return value
