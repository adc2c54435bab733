"""Programmes and their pilots: steering groups, leaders, local goals, phases, the
sub-projects (community projects) each pilot runs, status reports, evaluators'
assessments, and hubs' self-assessments against the evaluation's criteria and barriers.

Who may see what is decided in ``hubro.programme.access``; every read goes through
``hubro.programme.queries`` and every write through ``hubro.programme.actions``."""

from .common import SCORE_VALIDATORS
from .meetings import (
    Decision,
    Expense,
    Meeting,
    PilotGroup,
    PilotGroupMember,
    meeting_minutes_path,
)
from .pilots import (
    LocalGoal,
    Phase,
    PhaseApproval,
    PhaseDocument,
    Pilot,
    PilotLeader,
    PilotSubProject,
    SteeringGroupMember,
    SteeringGroupOrganization,
    phase_document_path,
)
from .programmes import Programme, ProgrammeGoal, ProgrammeRole
from .reports import (
    Assessment,
    AssessmentFinding,
    AssessmentGoalScore,
    StatusReport,
    StatusReportLine,
)
from .selfassessment import SelfAssessmentResponse, SelfAssessmentRound, SelfAssessmentScore

__all__ = [
    "SCORE_VALIDATORS",
    "Assessment",
    "AssessmentFinding",
    "AssessmentGoalScore",
    "Decision",
    "Expense",
    "LocalGoal",
    "Meeting",
    "Phase",
    "PhaseApproval",
    "PhaseDocument",
    "Pilot",
    "PilotGroup",
    "PilotGroupMember",
    "PilotLeader",
    "PilotSubProject",
    "Programme",
    "ProgrammeGoal",
    "ProgrammeRole",
    "SelfAssessmentResponse",
    "SelfAssessmentRound",
    "SelfAssessmentScore",
    "StatusReport",
    "StatusReportLine",
    "SteeringGroupMember",
    "SteeringGroupOrganization",
    "meeting_minutes_path",
    "phase_document_path",
]
