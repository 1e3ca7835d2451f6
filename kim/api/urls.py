"""``/api/v1/``: the OpenAPI schema and its documentation page (global), and every
endpoint under ``/api/v1/<municipality>/``."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from kim.api.endpoints import patterns
from kim.core.views.base import global_view

app_name = "api"

urlpatterns = [
    path("schema", global_view("anonymous")(SpectacularAPIView.as_view()), name="schema"),
    path("docs/", global_view("anonymous")(
        SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="docs"),
    path("<slug:municipality>/", include(patterns())),
]
