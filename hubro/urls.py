from django.contrib import admin
from django.urls import include, path

from hubro.api.urls import api

urlpatterns = [
    path("", include("hubro.core.urls")),
    path("", include("hubro.core.profile_urls")),
    path("", include("hubro.spaces.urls")),
    path("", include("hubro.bookings.urls")),
    path("", include("hubro.bookings.checkin_urls")),
    path("", include("hubro.bookings.calendar_urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
