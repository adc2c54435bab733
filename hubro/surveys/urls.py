from django.urls import path

from . import views

app_name = "surveys"
urlpatterns = [
    path("undersokelser/", views.survey_list, name="list"),
    path("undersokelser/ny/", views.survey_create, name="create"),
    path("undersokelser/<int:pk>/", views.survey_detail, name="detail"),
    path("undersokelser/<int:pk>/resultater/", views.survey_results_page, name="results"),
    path("undersokelser/svar/<str:token>/", views.answer, name="answer"),
]
