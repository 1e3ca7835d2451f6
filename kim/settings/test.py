"""Settings for the test suite: plain HTTP (live server), fast hashing, strict templates."""

from kim.settings.base import *  # noqa: F403
from kim.settings.base import STORAGES, TEMPLATES

DEBUG = False
HTTPS = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SECURE_PROXY_SSL_HEADER = None
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
# Argon2 costs ~50 ms per hash; tests create many users. tests/core/test_accounts.py checks
# that the real settings use Argon2.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True


class InvalidTemplateVariable(str):
    """Fail loudly on a misspelt template variable instead of rendering ''."""

    def __mod__(self, other: object) -> str:
        raise NameError(f"Invalid template variable: {other}")


TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = InvalidTemplateVariable("%s")
