from django.urls import path

from . import views

app_name = "insights"

urlpatterns = [
    path("innsikt/", views.dashboard, name="dashboard"),
    path("innsikt/rapport/", views.report, name="report"),
    path("innsikt/definisjoner/", views.definitions, name="definitions"),
    path("innsikt/eksport/<slug:table_id>.<str:fmt>", views.export, name="export"),
    path("innsikt/hub/<slug:slug>/statistikk/", views.hub_setting, name="hub_setting"),
]
