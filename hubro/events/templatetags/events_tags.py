"""``{% hub_events hub %}``: a hub's next events the viewer may see, for the hub page."""

from django import template

from ..queries import events_for_list

register = template.Library()


@register.inclusion_tag("events/partials/hub_upcoming.html", takes_context=True)
def hub_events(context, hub, limit: int = 5):
    request = context.get("request")
    user = getattr(request, "user", None)
    events = events_for_list(user, hub=hub.slug).filter(cancelled_at__isnull=True)[:limit]
    return {"hub": hub, "hub_events": list(events), "request": request}
