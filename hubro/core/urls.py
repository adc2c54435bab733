from django.urls import path

from . import views

urlpatterns = [
    path("sprak/", views.set_language, name="set_language"),
    path("om/", views.about, name="about"),
    path("tilgjengelighet/", views.accessibility, name="accessibility"),
]
