from django.urls import path

from kim.education.views import cards, courses, gaps, imports, schooling, situations

app_name = "education"

# Included under "<slug:municipality>/education/" by kim/urls.py.
urlpatterns = [
    path("courses/", courses.course_list, name="course_list"),
    path("courses/new/", courses.course_create, name="course_create"),
    path("courses/import/", imports.education_import, name="import"),
    path("courses/<int:pk>/", courses.course_detail, name="course_detail"),
    path("courses/<int:pk>/edit/", courses.course_edit, name="course_edit"),
    path("persons/<int:pk>/", cards.card, name="card"),
    path("persons/<int:pk>/card.pdf", cards.card_pdf, name="card_pdf"),
    path("persons/<int:pk>/refer/", cards.referral_add, name="referral_add"),
    path("persons/<int:pk>/assessment/", cards.assessment_add, name="assessment_add"),
    path("persons/<int:pk>/certificate/", cards.certificate_add, name="certificate_add"),
    path("persons/<int:pk>/obligation/", cards.obligation_add, name="obligation_add"),
    path("referrals/<int:pk>/", cards.referral_edit, name="referral_edit"),
    path("referrals/<int:pk>/attendance/", cards.attendance_add, name="attendance_add"),
    path("persons/<int:pk>/childcare/", situations.childcare_add, name="childcare_add"),
    path("persons/<int:pk>/school/", situations.school_add, name="school_add"),
    path("persons/<int:pk>/employment/", situations.employment_add, name="employment_add"),
    path("persons/<int:pk>/measure/", situations.placement_add, name="placement_add"),
    path("measures/", situations.measure_list, name="measure_list"),
    path("measures/new/", situations.measure_create, name="measure_create"),
    path("measures/<int:pk>/edit/", situations.measure_edit, name="measure_edit"),
    path("worklist/", gaps.gap_list, name="gap_list"),
    path("worklist/childcare/", gaps.childcare_gap_list, name="gap_childcare"),
    path("worklist/school/", schooling.school_gap_list, name="gap_school"),
]
