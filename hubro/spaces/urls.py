from django.urls import path

from . import views

app_name = "spaces"
urlpatterns = [
    path("", views.hub_list, name="home"),
    path("huber/", views.hub_list, name="hub_list"),
    path("huber/<slug:slug>/", views.hub_day, name="hub_day"),
    path("huber/<slug:slug>/logg/", views.hub_audit_log, name="hub_audit_log"),
]
