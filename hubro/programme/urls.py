from django.urls import path

from . import views
from .setup_urls import urlpatterns as setup_urlpatterns

app_name = "programme"

urlpatterns = [
    *setup_urlpatterns,
    path("program/", views.index, name="index"),
    path("program/vurderinger/<int:pk>/", views.assessment_detail, name="assessment"),
    path("program/dokumenter/<int:pk>/", views.phase_document_download, name="document"),
    path("program/pilot/<slug:slug>/", views.pilot_detail, name="pilot"),
    path(
        "program/pilot/<slug:slug>/delprosjekter/<slug:project_slug>/",
        views.sub_project_detail,
        name="sub_project",
    ),
    path(
        "program/pilot/<slug:slug>/statusrapporter/", views.status_reports, name="status_reports"
    ),
    path(
        "program/pilot/<slug:slug>/statusrapporter/ny/",
        views.status_report_new,
        name="status_report_new",
    ),
    path(
        "program/pilot/<slug:slug>/statusrapporter/<int:pk>/",
        views.status_report_detail,
        name="status_report",
    ),
    path("program/pilot/<slug:slug>/vurderinger/ny/", views.assessment_new, name="assessment_new"),
    path(
        "program/pilot/<slug:slug>/faser/<int:phase_pk>/dokument/",
        views.phase_document_new,
        name="phase_document_new",
    ),
    path(
        "program/pilot/<slug:slug>/faser/<int:phase_pk>/vedtak/",
        views.phase_approve,
        name="phase_approve",
    ),
    path("program/egenvurdering/<slug:hub_slug>/", views.self_assessment, name="self_assessment"),
    path("program/egenvurdering/<slug:hub_slug>/ny-runde/", views.round_new, name="round_new"),
    path(
        "program/egenvurdering/<slug:hub_slug>/runder/<int:pk>/", views.round_detail, name="round"
    ),
    path(
        "program/egenvurdering/<slug:hub_slug>/runder/<int:pk>/vurder/",
        views.round_score,
        name="round_score",
    ),
    path("program/<slug:slug>/", views.programme_detail, name="programme"),
]
