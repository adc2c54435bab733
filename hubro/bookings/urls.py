from django.urls import path

from . import search_views, views

app_name = "bookings"
urlpatterns = [
    path("huber/<slug:slug>/rom/<int:space_id>/book/", views.book, name="book"),
    path("finn-ledig/", search_views.search_page, name="search"),
    path("mine-bookinger/", views.my_bookings, name="mine"),
    path("rom/<int:space_id>/favoritt/", views.favourite, name="favourite"),
    path("mine-bookinger/<int:pk>/", views.booking_detail, name="detail"),
    path("mine-bookinger/<int:pk>/kalender.ics", views.booking_calendar, name="ics"),
    path("mine-bookinger/<int:pk>/avbestill/", views.cancel, name="cancel"),
    path("mine-bookinger/serier/<int:pk>/", views.series_detail, name="series"),
    path(
        "mine-bookinger/serier/<int:pk>/avbestill/",
        views.cancel_series_dates,
        name="cancel_series",
    ),
]
