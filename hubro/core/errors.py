"""Errors that actions raise and every interface shows the same way.

Each has a stable machine ``code`` (for API clients) and a translated ``detail`` (for
people). The web UI shows ``detail``; the API answers ``{code, detail}`` with
``status``."""

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    status = 422
    code = "invalid"

    def __init__(self, detail, *, code: str | None = None, field: str | None = None):
        super().__init__(str(detail))
        self.detail = detail
        if code:
            self.code = code
        self.field = field

    def as_dict(self) -> dict:
        return {"code": self.code, "detail": str(self.detail)}


class Invalid(DomainError):
    """The request breaks a rule; nothing was written."""


class Conflict(DomainError):
    status = 409
    code = "conflict"


class NotFound(DomainError):
    status = 404
    code = "not_found"

    def __init__(self, detail=None, **kwargs):
        super().__init__(detail or _("Fant ikke det du ba om."), **kwargs)
