from django.urls import path

from .views.lobby import lobby_screen

urlpatterns = [path("skjerm/<str:secret>/", lobby_screen, name="lobby")]
