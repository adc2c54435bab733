from django.urls import path

from . import views

app_name = "registry"

urlpatterns = [
    path("arbeidsplasser/", views.index, name="index"),
    path("arbeidsplasser/kommuner/<str:number>/", views.municipality, name="municipality"),
    path(
        "arbeidsplasser/kommuner/<str:number>/eksport.<str:fmt>",
        views.municipality_export,
        name="municipality_export",
    ),
    path("arbeidsplasser/regioner/<slug:slug>/", views.region, name="region"),
    path(
        "arbeidsplasser/regioner/<slug:slug>/eksport.<str:fmt>",
        views.region_export,
        name="region_export",
    ),
    path("arbeidsplasser/virksomheter/<str:orgnr>/", views.agency, name="agency"),
    path("arbeidsplasser/huber/<slug:slug>/", views.hub_members, name="hub_members"),
    path(
        "arbeidsplasser/<str:kind>/<str:key>/abonnement/",
        views.toggle_subscription,
        name="subscription",
    ),
]
