from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe
from django.views.i18n import set_language as django_set_language


@require_POST
def set_language(request):
    """Switch the UI language, and remember it on the person for emails."""
    response = django_set_language(request)
    language = request.POST.get("language")
    person = request.user
    known = dict(person._meta.get_field("language").choices) if person.is_authenticated else {}
    if language in known and person.language != language:
        person.language = language
        person.save(update_fields=["language"])
    return response


def csrf_failure(request, reason=""):
    from django.shortcuts import render

    return render(request, "403_csrf.html", {"title": _("Skjemaet er utløpt")}, status=403)


def _public_page(template):
    """A page anyone may read, signed in or not."""

    @require_safe
    def view(request):
        from django.conf import settings
        from django.shortcuts import render

        return render(request, template, {"contact_email": settings.HUBRO_CONTACT_EMAIL})

    return view


# What Hubro is, who can join and how to sign in.
about = _public_page("core/about.html")
# The accessibility statement (tilgjengelighetserklæring) the Norwegian regulations ask
# of public-sector web solutions.
accessibility = _public_page("core/accessibility.html")
