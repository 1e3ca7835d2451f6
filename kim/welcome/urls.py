from django.urls import path

from kim.welcome.views import folder, pages

app_name = "welcome"

urlpatterns = [
    path("", pages.page_list, name="page_list"),
    path("pages/new/", pages.page_new, name="page_new"),
    path("pages/<int:pk>/", pages.page_edit, name="page_edit"),
    path("pages/<int:pk>/translations/<slug:language>/", pages.translation_edit,
         name="translation_edit"),
    path("households/", folder.find_household, name="find_household"),
    path("households/<int:pk>/folder/", folder.print_folder, name="folder"),
]
