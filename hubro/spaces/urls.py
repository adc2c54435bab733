from django.urls import path

from . import views, week_views

app_name = "spaces"
urlpatterns = [
    path("", views.hub_list, name="home"),
    path("huber/", views.hub_list, name="hub_list"),
    path("huber/<slug:slug>/", views.hub_day, name="hub_day"),
    path("huber/<slug:slug>/uke/", week_views.hub_week_page, name="hub_week"),
    path(
        "huber/<slug:slug>/rom/<int:space_id>/uke/", week_views.space_week_page, name="space_week"
    ),
    path("huber/<slug:slug>/logg/", views.hub_audit_log, name="hub_audit_log"),
]
