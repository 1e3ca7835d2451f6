from django.urls import path

from kim.api import web

app_name = "api_web"

urlpatterns = [
    path("", web.token_list, name="token_list"),
    path("<int:pk>/revoke/", web.token_revoke, name="token_revoke"),
]
