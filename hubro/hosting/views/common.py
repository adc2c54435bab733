"""What every host page shares: the hub fetched for its host, the day asked for, and
how a refused action is shown on a form."""

import functools

from django.contrib.auth.decorators import login_required
from django.http import Http404

from hubro.core.errors import DomainError, NotFound
from hubro.hosting.access import get_hub_for_host
from hubro.spaces.views import day_asked_for  # noqa: F401 (the host pages' day parser)


def host_view(view):
    """A view of one hub for its hosts: ``view(request, hub, ...)``. Anyone else, and
    any hub the person does not host, gets a 404."""

    @login_required
    @functools.wraps(view)
    def wrapper(request, slug, *args, **kwargs):
        try:
            hub = get_hub_for_host(request.user, slug)
        except NotFound:
            raise Http404 from None
        return view(request, hub, *args, **kwargs)

    return wrapper


def or_404(fetch, *args):
    try:
        return fetch(*args)
    except NotFound:
        raise Http404 from None


def show_error(form, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, str(exc.detail))
