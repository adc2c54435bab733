from django.urls import path

from . import profile

app_name = "profile"
urlpatterns = [
    path("min-profil/", profile.profile, name="index"),
    path("min-profil/kalender/ny/", profile.calendar_issue, name="calendar_issue"),
    path("min-profil/kalender/slett/", profile.calendar_revoke, name="calendar_revoke"),
]
