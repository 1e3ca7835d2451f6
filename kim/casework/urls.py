from django.urls import path

from kim.casework.views import case, caseload, documents, records

app_name = "casework"

# Included under "<slug:municipality>/casework/" by kim/urls.py.
urlpatterns = [
    path("", caseload.caseload, name="caseload"),
    path("households/<int:pk>/assign/", caseload.assign, name="assign"),
    path("assignments/<int:pk>/end/", caseload.end_assignment, name="assignment_end"),
    path("persons/<int:pk>/", case.case, name="case"),
    path("persons/<int:pk>/appointments/new/", records.appointment_add, name="appointment_add"),
    path("appointments/<int:pk>/edit/", records.appointment_edit, name="appointment_edit"),
    path("persons/<int:pk>/notes/new/", records.note_add, name="note_add"),
    path("persons/<int:pk>/documents/new/", documents.document_upload, name="document_upload"),
    path("documents/<int:pk>/", documents.document_download, name="document_download"),
    path("persons/<int:pk>/goals/new/", records.goal_add, name="goal_add"),
    path("goals/<int:pk>/edit/", records.goal_edit, name="goal_edit"),
    path("goals/<int:pk>/steps/new/", records.step_add, name="step_add"),
    path("steps/<int:pk>/edit/", records.step_edit, name="step_edit"),
]
