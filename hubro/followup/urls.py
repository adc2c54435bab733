from django.urls import path

from . import views

app_name = "followup"

# Included before the programme app's URLs: its "program/<slug>/" would take
# "program/foresporsler/" otherwise.
urlpatterns = [
    path("program/foresporsler/", views.request_list, name="requests"),
    path("program/foresporsler/<int:pk>/", views.request_detail, name="request"),
    path("program/foresporsler/<int:pk>/lukk/", views.request_close, name="request_close"),
    path(
        "program/pilot/<slug:slug>/statusrapporter/<int:report_pk>/foresporsel/",
        views.request_new,
        name="request_new",
    ),
    path(
        "program/vurderinger/<int:pk>/oppfolging/",
        views.assessment_follow_up,
        name="assessment",
    ),
    path("program/anbefalinger/<int:pk>/", views.recommendation_edit, name="recommendation"),
    path(
        "program/<slug:slug>/anbefalinger/",
        views.programme_recommendations,
        name="recommendations",
    ),
    path("program/<slug:slug>/videreforing/", views.continuation, name="continuation"),
]
