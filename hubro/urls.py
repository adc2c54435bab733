from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path, re_path

from hubro.api.urls import api, not_found

# The admin's login goes through allauth too: rate limits, lockout and second factor.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", include("hubro.accounts.urls")),
    path("", include("hubro.ops.urls")),
    path("", include("hubro.core.urls")),
    path("", include("hubro.core.profile_urls")),
    path("", include("hubro.spaces.urls")),
    path("", include("hubro.bookings.urls")),
    path("", include("hubro.bookings.checkin_urls")),
    path("", include("hubro.bookings.calendar_urls")),
    path("", include("hubro.community.urls")),
    path("", include("hubro.events.urls")),
    path("", include("hubro.insights.urls")),
    path("", include("hubro.finance.urls")),
    path("", include("hubro.registry.urls")),
    path("", include("hubro.followup.urls")),  # before programme: see followup/urls.py
    path("", include("hubro.programme.urls")),
    path("", include("hubro.handbook.urls")),
    path("", include("hubro.hosting.urls")),
    path("", include("hubro.hosting.lobby_urls")),
    path("", include("hubro.positions.urls")),  # issue 17b
    path("", include("hubro.surveys.urls")),  # issue 17b
    path("api/v1/", api.urls),
    re_path(r"^api/", not_found),
    path("admin/", admin.site.urls),
]

handler500 = "hubro.api.guard.server_error"
