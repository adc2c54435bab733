"""Addresses of the set-up, meeting and budget pages (``setup_views``), included before
the programme's catch-all ``program/<slug>/``."""

from django.urls import path

from . import setup_views as views

P = "program/pilot/<slug:slug>/"

urlpatterns = [
    path("program/nytt/", views.programme_new, name="programme_new"),
    path("program/<slug:slug>/endre/", views.programme_edit, name="programme_edit"),
    path("program/<slug:slug>/slett/", views.programme_delete, name="programme_delete"),
    path("program/<slug:slug>/roller/", views.programme_roles, name="roles"),
    path(
        "program/<slug:slug>/roller/<int:pk>/slett/",
        views.programme_role_delete,
        name="role_delete",
    ),
    path("program/<slug:slug>/ny-pilot/", views.pilot_new, name="pilot_new"),
    path(P + "endre/", views.pilot_edit, name="pilot_edit"),
    path(P + "slett/", views.pilot_delete, name="pilot_delete"),
    path(P + "faser/ny/", views.phase_edit, name="phase_new"),
    path(P + "faser/<int:pk>/endre/", views.phase_edit, name="phase_edit"),
    path(P + "faser/<int:pk>/slett/", views.phase_delete, name="phase_delete"),
    path(P + "lokale-mal/ny/", views.local_goal_edit, name="local_goal_new"),
    path(P + "lokale-mal/<int:pk>/endre/", views.local_goal_edit, name="local_goal_edit"),
    path(P + "lokale-mal/<int:pk>/slett/", views.local_goal_delete, name="local_goal_delete"),
    path(P + "grupper/", views.groups, name="groups"),
    path(P + "grupper/styringsgruppe/ny/", views.steering_member_edit, name="steering_member_new"),
    path(
        P + "grupper/styringsgruppe/<int:pk>/endre/",
        views.steering_member_edit,
        name="steering_member_edit",
    ),
    path(
        P + "grupper/styringsgruppe/<int:pk>/slett/",
        views.steering_member_delete,
        name="steering_member_delete",
    ),
    path(
        P + "grupper/organisasjoner/ny/",
        views.steering_organization_new,
        name="steering_organization_new",
    ),
    path(
        P + "grupper/organisasjoner/<int:pk>/slett/",
        views.steering_organization_delete,
        name="steering_organization_delete",
    ),
    path(P + "grupper/ny/", views.group_edit, name="group_new"),
    path(P + "grupper/<int:pk>/endre/", views.group_edit, name="group_edit"),
    path(P + "grupper/<int:pk>/slett/", views.group_delete, name="group_delete"),
    path(
        P + "grupper/<int:group_pk>/medlemmer/ny/",
        views.group_member_edit,
        name="group_member_new",
    ),
    path(
        P + "grupper/<int:group_pk>/medlemmer/<int:pk>/endre/",
        views.group_member_edit,
        name="group_member_edit",
    ),
    path(
        P + "grupper/<int:group_pk>/medlemmer/<int:pk>/slett/",
        views.group_member_delete,
        name="group_member_delete",
    ),
    path(P + "prosjektleder/", views.leader_change, name="leader_change"),
    path(P + "delprosjekter-koble/", views.sub_project_link, name="sub_project_link"),
    path(P + "moter/", views.meeting_list, name="meetings"),
    path(P + "moter/nytt/", views.meeting_new, name="meeting_new"),
    path(P + "moter/<int:pk>/", views.meeting_detail, name="meeting"),
    path(P + "moter/<int:pk>/endre/", views.meeting_edit, name="meeting_edit"),
    path(P + "moter/<int:pk>/slett/", views.meeting_delete, name="meeting_delete"),
    path(P + "moter/<int:pk>/referat/", views.meeting_minutes, name="meeting_minutes"),
    path(P + "moter/<int:pk>/vedtak/nytt/", views.decision_new, name="decision_new"),
    path(
        P + "moter/<int:pk>/vedtak/<int:decision_pk>/slett/",
        views.decision_delete,
        name="decision_delete",
    ),
    path(P + "budsjett/", views.pilot_budget, name="budget"),
    path(P + "budsjett/utgifter/ny/", views.expense_new, name="expense_new"),
    path(P + "budsjett/utgifter/<int:pk>/slett/", views.expense_delete, name="expense_delete"),
]
