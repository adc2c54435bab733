from django.urls import path

from . import editing_views, views

app_name = "community"

urlpatterns = [
    path("fellesskap/", views.landing, name="landing"),
    path("klynger/", views.cluster_list, name="cluster_list"),
    path("klynger/ny/", views.cluster_create, name="cluster_create"),
    path("klynger/<slug:slug>/", views.cluster_detail, name="cluster_detail"),
    path("klynger/<slug:slug>/medlemmer/", views.cluster_members, name="cluster_members"),
    path("klynger/<slug:slug>/endre/", editing_views.cluster_edit, name="cluster_edit"),
    path("klynger/<slug:slug>/slett/", editing_views.cluster_delete, name="cluster_delete"),
    path(
        "klynger/<slug:slug>/medlemmer/<str:kind>/<int:pk>/fjern/",
        editing_views.cluster_member_remove,
        name="cluster_member_remove",
    ),
    path("prosjekter/", views.project_list, name="project_list"),
    path("prosjekter/ny/", views.project_create, name="project_create"),
    path("prosjekter/<slug:slug>/", views.project_detail, name="project_detail"),
    path("prosjekter/<slug:slug>/status/", views.project_status, name="project_status"),
    path("prosjekter/<slug:slug>/endre/", editing_views.project_edit, name="project_edit"),
    path("prosjekter/<slug:slug>/slett/", editing_views.project_delete, name="project_delete"),
    path(
        "prosjekter/<slug:slug>/partnere/<int:pk>/",
        editing_views.partner_edit,
        name="project_partner_edit",
    ),
    path("prosjekter/<slug:slug>/partnere/", views.project_partner_add, name="project_partner"),
    path(
        "prosjekter/<slug:slug>/finansiering/", views.project_funding_add, name="project_funding"
    ),
    path("prosjekter/<slug:slug>/resultat/", views.project_outcome, name="project_outcome"),
    path("huber/<slug:slug>/prosjekter/", views.hub_portfolio, name="hub_portfolio"),
    path("regioner/", views.region_list, name="region_list"),
    path("regioner/<slug:slug>/", views.region_detail, name="region_detail"),
]
