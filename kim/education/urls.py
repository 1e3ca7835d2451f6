from django.urls import path

from kim.education.views import cards, courses, gaps

app_name = "education"

# Included under "<slug:municipality>/education/" by kim/urls.py.
urlpatterns = [
    path("courses/", courses.course_list, name="course_list"),
    path("courses/new/", courses.course_create, name="course_create"),
    path("courses/<int:pk>/", courses.course_detail, name="course_detail"),
    path("courses/<int:pk>/edit/", courses.course_edit, name="course_edit"),
    path("persons/<int:pk>/", cards.card, name="card"),
    path("persons/<int:pk>/refer/", cards.referral_add, name="referral_add"),
    path("persons/<int:pk>/assessment/", cards.assessment_add, name="assessment_add"),
    path("persons/<int:pk>/certificate/", cards.certificate_add, name="certificate_add"),
    path("persons/<int:pk>/obligation/", cards.obligation_add, name="obligation_add"),
    path("referrals/<int:pk>/", cards.referral_edit, name="referral_edit"),
    path("referrals/<int:pk>/attendance/", cards.attendance_add, name="attendance_add"),
    path("worklist/", gaps.gap_list, name="gap_list"),
]
