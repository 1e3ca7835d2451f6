from django.urls import path

from kim.monitoring import views

app_name = "monitoring"

# Included under "<slug:municipality>/monitoring/" by kim/urls.py.
urlpatterns = [
    path("", views.indicator_list, name="indicator_list"),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path("indicators/<int:pk>/districts/", views.indicator_compare, name="indicator_compare"),
    path("indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("imports/", views.import_page, name="import"),
]
urlpatterns.append(path("segregation/", views.segregation, name="segregation"))
