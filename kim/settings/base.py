"""kim settings, read from the environment with safe defaults.

| variable | default | meaning |
|---|---|---|
| DATABASE_URL | SQLite file `$KIM_DATA_DIR/kim.sqlite3` | e.g. postgres://user:pw@host:5432/kim |
| KIM_DATA_DIR | ./data | database file, uploaded documents, generated secret key |
| KIM_DEBUG | off | Django debug mode (the demo turns it on) |
| SECRET_KEY | generated once into KIM_DATA_DIR | cryptographic signing key |
| KIM_ALLOWED_HOSTS | localhost,127.0.0.1 (debug: *) | comma-separated host names |
| KIM_HTTPS | on unless KIM_DEBUG | secure cookies, HSTS, redirect to https |
| KIM_SESSION_IDLE_MINUTES | 30 | logout after this many minutes without a request |
| KIM_LOGIN_FREE_PER_USER | 5 | failures per user name (or known browser) before delays |
| KIM_LOGIN_FREE_PER_ADDRESS | 50 | failures per client address (IPv6: /64) before delays |
| KIM_LOGIN_FIRST_DELAY | 30 | seconds of the first delay; each further failure doubles it |
| KIM_LOGIN_MAX_DELAY | 900 | the longest delay, in seconds |
| KIM_LOGIN_FORGET_AFTER | 3600 | seconds without a failure after which a count restarts |
| KIM_PROXY_COUNT | 0 | reverse proxies in front of kim that append to X-Forwarded-For |
| KIM_MAX_REQUEST_MB | 25 | largest request body, refused unread (proxy: same limit) |
| KIM_DEMO | off | demo mode: the demo password is accepted (`make demo` sets it) |
"""

import os
from pathlib import Path

import dj_database_url

from kim.settings.env import env_bool, env_int, env_list, private_directory, secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("KIM_DATA_DIR") or Path.cwd() / "data").resolve()

DEBUG = env_bool("KIM_DEBUG", False)
DEMO = env_bool("KIM_DEMO", False)
private_directory(DATA_DIR)  # 0700: database, secret key and documents are kim's alone
SECRET_KEY = secret_key(DATA_DIR)
ALLOWED_HOSTS = env_list("KIM_ALLOWED_HOSTS", ["*"] if DEBUG else ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("KIM_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_scopes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "kim.core.apps.CoreConfig",
    "kim.people.apps.PeopleConfig",
    "kim.casework.apps.CaseworkConfig",
    "kim.housing.apps.HousingConfig",
    "kim.welcome.apps.WelcomeConfig",
    "kim.quota.apps.QuotaConfig",
    "kim.volunteers.apps.VolunteersConfig",
    "kim.monitoring.apps.MonitoringConfig",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "kim.api.apps.ApiConfig",
    "kim.education.apps.EducationConfig",
    "kim.plan.apps.PlanConfig",
    "kim.fund.apps.FundConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kim.core.hardening.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kim.core.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kim.core.hardening.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "kim.core.middleware.PasswordChangeRequiredMiddleware",
    "kim.api.middleware.ApiMiddleware",  # token auth and problem details below /api/
    "kim.core.middleware.TenantMiddleware",
    "kim.core.dataproblems.DataProblemsMiddleware",
]

ROOT_URLCONF = "kim.urls"

# Background jobs (kim/core/domain/jobs.py): a queue in the database, worked off by
# `kim db_worker` (run it as a service next to the web server; `kim demo` starts one).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
CSRF_FAILURE_VIEW = "kim.core.views.errors.csrf_failure"
WSGI_APPLICATION = "kim.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kim.core.context_processors.kim",
                "kim.core.dataproblems.context",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'kim.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE avoids "database is locked" on concurrent writers; WAL lets readers go on.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# A read replica for report queries (kim/core/replica.py), e.g. PostgreSQL streaming
# replication; without it every query goes to default.
if os.environ.get("KIM_REPLICA_DATABASE_URL"):
    DATABASES["replica"] = dj_database_url.parse(os.environ["KIM_REPLICA_DATABASE_URL"],
                                                 conn_max_age=60)
DATABASE_ROUTERS = ["kim.core.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # kim/core/domain/passwords.py: common German passwords (also with digits and signs
    # around them), too little variety (aaaaaaaaaaaa, abcabcabcabc), the demo password.
    {"NAME": "kim.core.domain.passwords.CommonWordValidator"},
    {"NAME": "kim.core.domain.passwords.VarietyValidator"},
    {"NAME": "kim.core.domain.passwords.DemoPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (kim/core/domain/throttle.py): growing delays instead of a lock, with
# separate budgets per user name, per known browser and per client address, so that
# nobody can lock out a colleague and a town hall behind one NAT address keeps working.
LOGIN_FREE_PER_USER = env_int("KIM_LOGIN_FREE_PER_USER", 5, minimum=1)
LOGIN_FREE_PER_ADDRESS = env_int("KIM_LOGIN_FREE_PER_ADDRESS", 50, minimum=1)
LOGIN_FIRST_DELAY = env_int("KIM_LOGIN_FIRST_DELAY", 30, minimum=1)
LOGIN_MAX_DELAY = env_int("KIM_LOGIN_MAX_DELAY", 900, minimum=1)
LOGIN_FORGET_AFTER = env_int("KIM_LOGIN_FORGET_AFTER", 3600, minimum=60)
PROXY_COUNT = env_int("KIM_PROXY_COUNT", 0)
# Second factor: the issuer shown in the authenticator app. Wrong codes count against the
# login throttle above (per user name/browser and address); django-otp's own per-device
# delay is off so that one mechanism decides (and answers 429 with Retry-After).
OTP_TOTP_ISSUER = os.environ.get("KIM_OTP_ISSUER", "kim")
OTP_TOTP_THROTTLE_FACTOR = 0

# Idle timeout: the session cookie lives N minutes and is renewed on every request.
SESSION_COOKIE_AGE = env_int("KIM_SESSION_IDLE_MINUTES", 30, minimum=1) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

HTTPS = env_bool("KIM_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("KIM_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy: no inline script or style anywhere in kim.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Uploaded documents live outside the static tree and are only served by permission-checked
# views, never by the web server directly; only kim's own user may read them.
MEDIA_ROOT = DATA_DIR / "documents"
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# Request size: refused from the Content-Length header before the body is read
# (kim/core/hardening.py); the proxy in front should refuse the same size (README).
MAX_REQUEST_BYTES = env_int("KIM_MAX_REQUEST_MB", 25, minimum=1) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # form fields other than files (Django's default)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger uploads go to a temporary file (0600)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("KIM_LOG_LEVEL", "WARNING")},
}

# REST API (kim/api): DRF and drf-spectacular settings live with the app.
from kim.api.conf import REST_FRAMEWORK, SPECTACULAR_SETTINGS  # noqa: E402, F401
