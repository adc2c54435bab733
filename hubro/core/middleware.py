"""Choose the UI language: bokmål unless the person chose otherwise.

Django's LocaleMiddleware falls back on the browser's Accept-Language. A Norwegian
public service shows bokmål by default instead, and lets everyone switch. The order:
the language cookie set by the switcher, then the signed-in person's saved language,
then (for API clients only) Accept-Language, then bokmål."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class HubroLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        supported = dict(settings.LANGUAGES)
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in supported:
            user = getattr(request, "user", None)
            language = getattr(user, "language", None) if user and user.is_authenticated else None
        if language not in supported and request.path.startswith("/api/"):
            language = translation.get_language_from_request(request)
        if language not in supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class FriendlyMethodNotAllowedMiddleware:
    """Pages that only take a form post answer a bare 405 to a GET (someone reloads
    or follows a link to them). Show a page that says what happened instead."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 405
            and not response.content
            and not request.path.startswith("/api/")
        ):
            from django.shortcuts import render

            friendly = render(request, "405.html", status=405)
            friendly["Allow"] = response.get("Allow", "")
            return friendly
        return response
