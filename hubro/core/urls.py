from django.contrib.auth.views import LogoutView
from django.urls import path

from . import views

urlpatterns = [
    path("logg-inn/", views.SignInView.as_view(), name="login"),
    path("logg-ut/", LogoutView.as_view(), name="logout"),
    path("sprak/", views.set_language, name="set_language"),
]
