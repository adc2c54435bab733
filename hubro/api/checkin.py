"""API: checkin."""

from ninja import Router

router = Router(tags=["checkin"])
