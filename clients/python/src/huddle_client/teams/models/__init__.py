"""Contains all the data models used in inputs/outputs"""

from .action_create import ActionCreate
from .action_create_status_type_0 import ActionCreateStatusType0
from .action_out import ActionOut
from .action_page import ActionPage
from .action_revise import ActionRevise
from .action_status import ActionStatus
from .action_status_in import ActionStatusIn
from .action_summary import ActionSummary
from .annotation import Annotation
from .care_setting import CareSetting
from .care_team import CareTeam
from .care_team_participant import CareTeamParticipant
from .care_team_status import CareTeamStatus
from .charter_goal_data import CharterGoalData
from .charter_in import CharterIn
from .charter_out import CharterOut
from .charter_review_in import CharterReviewIn
from .charter_reviewed_data import CharterReviewedData
from .charter_reviewed_entry import CharterReviewedEntry
from .charter_revised_data import CharterRevisedData
from .charter_revised_entry import CharterRevisedEntry
from .charter_role_data import CharterRoleData
from .charter_role_in import CharterRoleIn
from .charter_role_out import CharterRoleOut
from .check_in_in import CheckInIn
from .check_in_out import CheckInOut
from .codeable_concept import CodeableConcept
from .coding import Coding
from .dashboard_driver import DashboardDriver
from .dead_letter_out import DeadLetterOut
from .dead_letter_page import DeadLetterPage
from .decision_action_in import DecisionActionIn
from .decision_in import DecisionIn
from .decision_out import DecisionOut
from .decision_outcome import DecisionOutcome
from .goal_in import GoalIn
from .goal_out import GoalOut
from .goal_owners_changed_data import GoalOwnersChangedData
from .goal_owners_changed_entry import GoalOwnersChangedEntry
from .goal_owners_in import GoalOwnersIn
from .goal_status import GoalStatus
from .goal_status_changed_data import GoalStatusChangedData
from .goal_status_changed_entry import GoalStatusChangedEntry
from .goal_status_in import GoalStatusIn
from .history_page import HistoryPage
from .identifier import Identifier
from .liveness import Liveness
from .meeting_in import MeetingIn
from .meeting_kind import MeetingKind
from .meeting_out import MeetingOut
from .meeting_page import MeetingPage
from .meeting_summary import MeetingSummary
from .member_add import MemberAdd
from .member_added_data import MemberAddedData
from .member_added_entry import MemberAddedEntry
from .member_out import MemberOut
from .member_page import MemberPage
from .member_removed_data import MemberRemovedData
from .member_removed_entry import MemberRemovedEntry
from .member_role_change import MemberRoleChange
from .member_role_changed_data import MemberRoleChangedData
from .member_role_changed_entry import MemberRoleChangedEntry
from .meta import Meta
from .owners_change_reason import OwnersChangeReason
from .owners_in import OwnersIn
from .period import Period
from .problem import Problem
from .prompt_in import PromptIn
from .prompt_kind import PromptKind
from .prompt_out import PromptOut
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .reference import Reference
from .replay_request import ReplayRequest
from .replay_result import ReplayResult
from .review_cadence_changed_data import ReviewCadenceChangedData
from .review_cadence_changed_entry import ReviewCadenceChangedEntry
from .review_in import ReviewIn
from .review_out import ReviewOut
from .review_outcome import ReviewOutcome
from .role_change_category import RoleChangeCategory
from .team_archive import TeamArchive
from .team_archived_data import TeamArchivedData
from .team_archived_entry import TeamArchivedEntry
from .team_create import TeamCreate
from .team_created_data import TeamCreatedData
from .team_created_entry import TeamCreatedEntry
from .team_out import TeamOut
from .team_page import TeamPage
from .team_renamed_data import TeamRenamedData
from .team_renamed_entry import TeamRenamedEntry
from .team_role import TeamRole
from .team_status import TeamStatus
from .team_update import TeamUpdate

__all__ = (
    "ActionCreate",
    "ActionCreateStatusType0",
    "ActionOut",
    "ActionPage",
    "ActionRevise",
    "ActionStatus",
    "ActionStatusIn",
    "ActionSummary",
    "Annotation",
    "CareSetting",
    "CareTeam",
    "CareTeamParticipant",
    "CareTeamStatus",
    "CharterGoalData",
    "CharterIn",
    "CharterOut",
    "CharterReviewIn",
    "CharterReviewedData",
    "CharterReviewedEntry",
    "CharterRevisedData",
    "CharterRevisedEntry",
    "CharterRoleData",
    "CharterRoleIn",
    "CharterRoleOut",
    "CheckInIn",
    "CheckInOut",
    "CodeableConcept",
    "Coding",
    "DashboardDriver",
    "DeadLetterOut",
    "DeadLetterPage",
    "DecisionActionIn",
    "DecisionIn",
    "DecisionOut",
    "DecisionOutcome",
    "GoalIn",
    "GoalOut",
    "GoalOwnersChangedData",
    "GoalOwnersChangedEntry",
    "GoalOwnersIn",
    "GoalStatus",
    "GoalStatusChangedData",
    "GoalStatusChangedEntry",
    "GoalStatusIn",
    "HistoryPage",
    "Identifier",
    "Liveness",
    "MeetingIn",
    "MeetingKind",
    "MeetingOut",
    "MeetingPage",
    "MeetingSummary",
    "MemberAdd",
    "MemberAddedData",
    "MemberAddedEntry",
    "MemberOut",
    "MemberPage",
    "MemberRemovedData",
    "MemberRemovedEntry",
    "MemberRoleChange",
    "MemberRoleChangedData",
    "MemberRoleChangedEntry",
    "Meta",
    "OwnersChangeReason",
    "OwnersIn",
    "Period",
    "Problem",
    "PromptIn",
    "PromptKind",
    "PromptOut",
    "Readiness",
    "ReadinessChecks",
    "Reference",
    "ReplayRequest",
    "ReplayResult",
    "ReviewCadenceChangedData",
    "ReviewCadenceChangedEntry",
    "ReviewIn",
    "ReviewOut",
    "ReviewOutcome",
    "RoleChangeCategory",
    "TeamArchive",
    "TeamArchivedData",
    "TeamArchivedEntry",
    "TeamCreate",
    "TeamCreatedData",
    "TeamCreatedEntry",
    "TeamOut",
    "TeamPage",
    "TeamRenamedData",
    "TeamRenamedEntry",
    "TeamRole",
    "TeamStatus",
    "TeamUpdate",
)
