"""Reads behind the community indicators: events held and their sectors, and the
clusters with their members, meetings, projects and funding (goals 1 and 4)."""

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q, Sum

from .queries import _bounds, _scoped


def event_counts(hub_ids, org_id, start: dt.date, end: dt.date) -> dict:
    """Events held (not cancelled) in the period, and those whose participants
    (registered, not marked absent) came from at least two sectors."""
    from hubro.events.models import Event, Registration

    lower, upper = _bounds(start, end)
    qs = _scoped(
        Event.objects.filter(start__gte=lower, start__lt=upper, cancelled_at__isnull=True),
        hub_ids,
        None,
        hub_field="hub_id",
    )
    participant = Q(registrations__status=Registration.Status.REGISTERED) & ~Q(
        registrations__attended=False
    )
    if org_id is not None:
        qs = qs.filter(
            Exists(
                Registration.objects.filter(
                    event=OuterRef("pk"),
                    organization_id=org_id,
                    status=Registration.Status.REGISTERED,
                )
            )
        )
    annotated = qs.annotate(
        sectors=Count("registrations__organization__sector", filter=participant, distinct=True)
    )
    totals = qs.aggregate(
        events=Count("pk"), cluster_meetings=Count("pk", filter=Q(cluster__isnull=False))
    )
    if not totals["events"]:
        return {"events": 0, "cross_sector_events": 0, "cluster_meetings": 0}
    return {
        "events": totals["events"],
        "cross_sector_events": annotated.filter(sectors__gte=2).count(),
        "cluster_meetings": totals["cluster_meetings"],
    }


def cluster_counts(hub_ids, org_id, start: dt.date, end: dt.date) -> dict:
    """Clusters active in the period (started by its end, not ended before its start)
    with a home hub in scope, their member organizations by sector, the cross-sector
    ones, their projects and the funding granted to those projects in the period's
    years."""
    from hubro.community.models import Cluster, ClusterOrganization, FundingLine, Project

    clusters = Cluster.objects.filter(
        Q(started_on__isnull=True) | Q(started_on__lte=end),
        Q(ended_on__isnull=True) | Q(ended_on__gte=start),
    )
    if hub_ids is not None:
        clusters = clusters.filter(home_hubs__in=list(hub_ids))
    if org_id is not None:
        clusters = clusters.filter(organizations__organization_id=org_id)
    cluster_ids = list(clusters.order_by().values_list("pk", flat=True).distinct())
    if not cluster_ids:
        return {
            "clusters": 0,
            "members_by_sector": {},
            "members": 0,
            "cross_sector_clusters": 0,
            "projects": 0,
            "funding": 0,
        }
    members = ClusterOrganization.objects.filter(cluster__in=cluster_ids).filter(
        Q(joined_on__isnull=True) | Q(joined_on__lte=end),
        Q(left_on__isnull=True) | Q(left_on__gte=start),
    )
    by_sector = {
        row["organization__sector"]: row["n"]
        for row in members.values("organization__sector").annotate(
            n=Count("organization", distinct=True)
        )
    }
    cross = (
        Cluster.objects.filter(pk__in=cluster_ids)
        .annotate(
            sectors=Count(
                "organizations__organization__sector",
                distinct=True,
                filter=Q(
                    Q(organizations__joined_on__isnull=True)
                    | Q(organizations__joined_on__lte=end),
                    Q(organizations__left_on__isnull=True) | Q(organizations__left_on__gte=start),
                ),
            )
        )
        .filter(sectors__gte=2)
        .count()
    )
    projects = Project.objects.filter(cluster__in=cluster_ids).filter(
        Q(starts_on__isnull=True) | Q(starts_on__lte=end)
    )
    funding = FundingLine.objects.filter(
        project__in=projects.values("pk"),
        status=FundingLine.Status.GRANTED,
        year__gte=start.year,
        year__lte=end.year,
    ).aggregate(total=Sum("amount"))["total"]
    return {
        "clusters": len(cluster_ids),
        "members_by_sector": by_sector,
        "members": members.values("organization").distinct().count(),
        "cross_sector_clusters": cross,
        "projects": projects.count(),
        "funding": int(funding or 0),
    }
