from django.urls import path

from . import views

app_name = "handbook"

urlpatterns = [
    path("handbok/", views.index, name="index"),
    path("handbok/ny/", views.write, name="write"),
    path("handbok/mine-utkast/", views.drafts, name="drafts"),
    path("handbok/ny-hub/", views.new_hub, name="new_hub"),
    path("handbok/eksport/", views.export, name="export"),
    path("handbok/<int:pk>/", views.detail, name="detail"),
    path("handbok/<int:pk>/rediger/", views.edit, name="edit"),
    path("handbok/<int:pk>/publiser/", views.publish, name="publish"),
    path("handbok/<int:pk>/slett/", views.delete, name="delete"),
]
