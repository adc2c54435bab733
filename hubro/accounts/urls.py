from allauth.account.views import LogoutView
from django.urls import include, path

from . import views

account_patterns = (
    [
        path("totrinn-kreves/", views.second_factor_required_page, name="second_factor_required"),
        path("sikkerhet/", views.security, name="security"),
        path("sikkerhet/logg-ut-overalt/", views.sign_out_everywhere, name="sign_out_everywhere"),
        path("sikkerhet/api-nokler/ny/", views.token_create, name="token_create"),
        path(
            "sikkerhet/api-nokler/<int:pk>/trekk-tilbake/", views.token_revoke, name="token_revoke"
        ),
        path("mine-data/", views.my_data, name="my_data"),
        path("mine-data/hubro-mine-data.json", views.my_data_json, name="my_data_json"),
        path("mine-data/slett-konto/", views.delete_account, name="delete_account"),
    ],
    "accounts",
)

urlpatterns = [
    path("logg-inn/", views.SignInView.as_view(), name="login"),
    path("logg-ut/", LogoutView.as_view(), name="logout"),
    path("konto/", include(account_patterns)),
    path("konto/", include("allauth.urls")),
]
