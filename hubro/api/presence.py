"""API: presence."""

from ninja import Router

router = Router(tags=["presence"])
