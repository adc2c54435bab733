from django.urls import path

from . import views

urlpatterns = [
    path("sprak/", views.set_language, name="set_language"),
]
