from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("arrangementer/", views.event_list, name="list"),
    path("arrangementer/nytt/", views.create, name="create"),
    path("arrangementer/mine/", views.mine, name="mine"),
    path("arrangementer/organisasjon/", views.organization, name="organization"),
    path("arrangementer/<int:pk>/", views.detail, name="detail"),
    path("arrangementer/<int:pk>/meld-pa/", views.sign_up, name="register"),
    path("arrangementer/<int:pk>/meld-av/", views.sign_off, name="unregister"),
    path("arrangementer/<int:pk>/gjest/", views.guest, name="guest"),
    path(
        "arrangementer/<int:pk>/gjest/bekreft/<str:token>/",
        views.guest_confirm,
        name="guest_confirm",
    ),
    path("arrangementer/<int:pk>/endre/", views.edit, name="edit"),
    path("arrangementer/<int:pk>/avlys/", views.cancel, name="cancel"),
    path("arrangementer/<int:pk>/deltakere/", views.participants_page, name="participants"),
    path("arrangementer/<int:pk>/deltakere.csv", views.export_csv, name="export_csv"),
    path("arrangementer/<int:pk>/deltakere.xlsx", views.export_xlsx, name="export_xlsx"),
    path("arrangementer/<int:pk>/inviter/", views.invite_view, name="invite"),
    path(
        "arrangementer/<int:pk>/inviter-statlige/",
        views.invite_state_units,
        name="invite_state_units",
    ),
    path("huber/<slug:slug>/arrangementer.ics", views.hub_feed, name="hub_feed"),
]
