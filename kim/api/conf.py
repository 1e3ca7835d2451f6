"""Django REST framework and drf-spectacular settings (imported by kim/settings/base.py)."""

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "kim.api.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "kim.api.problems.exception_handler",
    "UNAUTHENTICATED_USER": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "kim API",
    "DESCRIPTION": "REST API of kim (Kommunales Integrationsmanagement). Every endpoint "
                   "lives under /api/v1/{municipality}/; authenticate with a personal access "
                   "token (Authorization: Bearer kim_…) of that municipality.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    # Several modules call a field "kind", "level" or "status": each choice set gets its
    # own stable name in the schema (without this, drf-spectacular invents hashed names).
    "ENUM_NAME_OVERRIDES": {
        "CourseKindEnum": "kim.education.models.courses.CourseKind",
        "CourseStatusEnum": "kim.education.models.courses.CourseStatus",
        "CefrLevelEnum": "kim.education.models.courses.Level",
        "SkillLevelEnum": "kim.education.models.courses.SkillLevel",
        "CertificateKindEnum": "kim.education.models.courses.CertificateKind",
        "FacilityKindEnum": "kim.housing.models.facility.Kind",
        "WaitingStatusEnum": "kim.housing.models.waiting.EntryStatus",
        "PlacementKindEnum": "kim.housing.models.waiting.PlacementKind",
        "VolunteerRequestStatusEnum": "kim.volunteers.models.pool.Request.Status",
        "AreaLevelEnum": "kim.monitoring.models.Level",
    },
}
