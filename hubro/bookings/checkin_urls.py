from django.urls import path

from . import checkin_views as views

app_name = "checkin"
urlpatterns = [
    path("rom/<int:space_id>/sjekk-inn/", views.space_checkin, name="space"),
    path("mine-bookinger/<int:pk>/sjekk-inn/", views.checkin, name="checkin"),
    path("huber/<slug:slug>/qr/", views.hub_qr, name="hub_qr"),
]
