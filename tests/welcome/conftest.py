import pytest


@pytest.fixture(autouse=True)
def fresh_cache():
    """Public pages are cached: each test starts with an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
