from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "hubro.api"
    label = "api"
    verbose_name = "API"
