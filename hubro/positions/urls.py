from django.urls import path

from . import views

app_name = "positions"
urlpatterns = [
    path("stillinger/", views.position_list, name="list"),
    path("stillinger/ny/", views.position_create, name="create"),
    path("stillinger/<int:pk>/", views.position_detail, name="detail"),
    path("stillinger/<int:pk>/endre/", views.position_edit, name="edit"),
]
