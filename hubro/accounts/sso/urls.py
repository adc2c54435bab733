from django.urls import path

from . import views

urlpatterns = [
    path("sso/<slug:provider_id>/login/", views.login, name="hubro_sso_login"),
    path("sso/<slug:provider_id>/callback/", views.callback, name="hubro_sso_callback"),
]
