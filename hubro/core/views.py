from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
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
