from django.urls import path

from .views import calendar, hub, members, spaces, workspace

app_name = "hosting"
urlpatterns = [
    path("vert/<slug:slug>/", workspace.today, name="today"),
    path("vert/<slug:slug>/uke/", workspace.week, name="week"),
    path(
        "vert/<slug:slug>/eksport/<str:view>.<str:extension>",
        workspace.export,
        name="export",
    ),
    path("vert/<slug:slug>/book/", workspace.book, name="book"),
    path("vert/<slug:slug>/bookinger/<int:pk>/flytt/", workspace.move_view, name="move"),
    path("vert/<slug:slug>/bookinger/<int:pk>/avbestill/", workspace.cancel_view, name="cancel"),
    path("vert/<slug:slug>/huben/", hub.details, name="details"),
    path("vert/<slug:slug>/innstillinger/", hub.settings_view, name="settings"),
    path("vert/<slug:slug>/qr/", hub.qr_sheet, name="qr"),
    path("vert/<slug:slug>/skjerm/", hub.lobby_settings, name="lobby_settings"),
    path("vert/<slug:slug>/skjerm/ny-adresse/", hub.lobby_renew, name="lobby_renew"),
    path("vert/<slug:slug>/rom/", spaces.space_list, name="spaces"),
    path("vert/<slug:slug>/rom/nytt/", spaces.space_new, name="space_new"),
    path("vert/<slug:slug>/rom/<int:pk>/", spaces.space_edit, name="space_edit"),
    path("vert/<slug:slug>/rom/<int:pk>/endre/", spaces.space_action, name="space_action"),
    path("vert/<slug:slug>/apningstider/", calendar.hours, name="hours"),
    path(
        "vert/<slug:slug>/stengte-dager/<int:pk>/slett/",
        calendar.closed_day_delete,
        name="closed_day_delete",
    ),
    path("vert/<slug:slug>/regler/", calendar.rules, name="rules"),
    path("vert/<slug:slug>/regler/<int:pk>/slett/", calendar.rule_delete, name="rule_delete"),
    path("vert/<slug:slug>/medlemmer/", members.members, name="members"),
    path("vert/<slug:slug>/medlemmer/endre/", members.member_change, name="member_change"),
    path("vert/<slug:slug>/verter/fjern/", members.cohost_remove, name="cohost_remove"),
    path("huber/<slug:slug>/bilde/", hub.photo, name="photo"),
]
