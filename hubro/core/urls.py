from django.urls import path

from . import views

urlpatterns = [
    path("logg-inn/", views.SignInView.as_view(), name="login"),
    path("logg-ut/", views.SignOutView.as_view(), name="logout"),
    path("sprak/", views.set_language, name="set_language"),
]
