"""``{% hub_positions hub %}``: a hub's open positions, for any page about the hub (the
signed-in hub page, and a public hub page): positions are public announcements."""

from django import template

from ..queries import open_positions

register = template.Library()


@register.inclusion_tag("positions/partials/hub_positions.html", takes_context=True)
def hub_positions(context, hub, limit: int = 10):
    return {
        "hub": hub,
        "hub_positions": list(open_positions(hub=hub)[:limit]),
        "request": context.get("request"),
    }
