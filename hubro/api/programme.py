"""Program og piloter: the API's read (and registration) endpoints for this capability."""

from ninja import Router

router = Router(tags=["programme"])
