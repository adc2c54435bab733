"""Small blocks the programme app's pages include, so that those pages need only one
line each to show the follow-up (requests of a report, recommendation follow-up, links
to the overviews)."""

from django import template

from hubro.programme import access

from .. import queries

register = template.Library()


@register.inclusion_tag("followup/partials/report_requests.html", takes_context=True)
def report_requests(context, report):
    """The requests made from ``report``'s needs, and a button to make one."""
    user = context["request"].user
    return {
        "report": report,
        "pilot": report.pilot,
        "rows": queries.requests_of_report(user, report),
        "may_make": access.may_make_request(user, report.pilot),
    }


@register.inclusion_tag("followup/partials/assessment_link.html", takes_context=True)
def assessment_follow_up(context, assessment):
    items = queries.recommendations_of(assessment)
    return {"assessment": assessment, "items": items, "counts": queries.status_counts(items)}


@register.inclusion_tag("followup/partials/programme_links.html", takes_context=True)
def programme_follow_up_links(context, programme):
    user = context["request"].user
    return {
        "programme": programme,
        "may_see_continuation": access.may_see_continuation(user, programme),
        "open_requests": len(queries.request_list(user, status="open")),
    }
