from django.urls import path, re_path

from . import calendar_views, presence_views

app_name = "calendar"
urlpatterns = [
    # Tokens come from secrets.token_urlsafe: letters, digits, "-" and "_".
    re_path(r"^kalender/(?P<token>[A-Za-z0-9_-]{16,64})\.ics$", calendar_views.feed, name="feed"),
    path("huber/<slug:slug>/hvem-er-her/", presence_views.presence_page, name="presence"),
]
