from django.urls import path

from . import views

app_name = "finance"

urlpatterns = [
    path("okonomi/", views.index, name="index"),
    path("okonomi/avtaler/<int:pk>/", views.agreement_detail, name="agreement"),
    path("okonomi/avtaler/<int:pk>/endre/", views.agreement_edit, name="agreement_edit"),
    path("okonomi/avtaler/<int:pk>/slett/", views.agreement_delete, name="agreement_delete"),
    path("okonomi/dokumenter/<int:pk>/", views.document, name="document"),
    path("okonomi/dokumenter/<int:pk>/slett/", views.document_delete, name="document_delete"),
    path("okonomi/kostnader/<int:pk>/", views.cost_line_edit, name="cost_line_edit"),
    path("okonomi/kostnader/<int:pk>/slett/", views.cost_line_delete, name="cost_line_delete"),
    path("okonomi/huber/<slug:slug>/", views.hub_overview, name="hub"),
    path("okonomi/huber/<slug:slug>/avtaler/", views.agreements, name="agreements"),
    path("okonomi/huber/<slug:slug>/avtaler/ny/", views.agreement_new, name="agreement_new"),
    path("okonomi/huber/<slug:slug>/<int:year>/budsjett/", views.budget, name="budget"),
    path("okonomi/huber/<slug:slug>/<int:year>/fordeling/", views.keys, name="keys"),
    path(
        "okonomi/huber/<slug:slug>/<int:year>/oppgjor/<str:orgnr>/",
        views.statement,
        name="statement",
    ),
    path(
        "okonomi/huber/<slug:slug>/<int:year>/oppgjor/<str:orgnr>/xlsx/",
        views.statement_xlsx_view,
        name="statement_xlsx",
    ),
]
