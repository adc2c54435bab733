"""Bearer-token authentication for the JSON API."""

from ninja.security import HttpBearer

from hubro.core.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        person = ApiToken.objects.authenticate(token)
        if person is not None:
            request.user = person
        return person
