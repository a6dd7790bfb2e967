"""Contains all the data models used in inputs/outputs"""

from .burnout_risk import BurnoutRisk
from .burnout_risk_confidence import BurnoutRiskConfidence
from .burnout_risk_level import BurnoutRiskLevel
from .burnout_risk_point import BurnoutRiskPoint
from .burnout_risk_point_level import BurnoutRiskPointLevel
from .burnout_risk_summary import BurnoutRiskSummary
from .burnout_risk_summary_confidence import BurnoutRiskSummaryConfidence
from .burnout_risk_summary_level import BurnoutRiskSummaryLevel
from .burnout_risk_trends import BurnoutRiskTrends
from .care_setting import CareSetting
from .charter_health import CharterHealth
from .charter_health_goals_by_status import CharterHealthGoalsByStatus
from .collaboration import Collaboration
from .collaboration_components import CollaborationComponents
from .collaboration_level import CollaborationLevel
from .collaboration_point import CollaborationPoint
from .collaboration_structure import CollaborationStructure
from .collaboration_summary import CollaborationSummary
from .collaboration_summary_level import CollaborationSummaryLevel
from .collaboration_trends import CollaborationTrends
from .competencies import Competencies
from .dead_letter_out import DeadLetterOut
from .dead_letter_page import DeadLetterPage
from .driver import Driver
from .driver_driver import DriverDriver
from .driver_status import DriverStatus
from .heatmap_row import HeatmapRow
from .liveness import Liveness
from .measured import Measured
from .morale_breakdown import MoraleBreakdown
from .morale_groups import MoraleGroups
from .morale_index import MoraleIndex
from .morale_level import MoraleLevel
from .morale_point import MoralePoint
from .morale_trends import MoraleTrends
from .org_dashboard import OrgDashboard
from .org_heatmap import OrgHeatmap
from .org_heatmap_competencies_item import OrgHeatmapCompetenciesItem
from .org_team import OrgTeam
from .org_team_page import OrgTeamPage
from .organisation_figures import OrganisationFigures
from .organisation_figures_teams_by_burnout_risk import OrganisationFiguresTeamsByBurnoutRisk
from .participation import Participation
from .partition_status import PartitionStatus
from .problem import Problem
from .projection_status import ProjectionStatus
from .read_team_trends_metric import ReadTeamTrendsMetric
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .rebuilt import Rebuilt
from .replay_request import ReplayRequest
from .replay_result import ReplayResult
from .role_change import RoleChange
from .role_change_change import RoleChangeChange
from .roster import Roster
from .roster_by_profession import RosterByProfession
from .roster_by_team_role import RosterByTeamRole
from .team_dashboard import TeamDashboard
from .team_role import TeamRole
from .team_summary import TeamSummary

__all__ = (
    "BurnoutRisk",
    "BurnoutRiskConfidence",
    "BurnoutRiskLevel",
    "BurnoutRiskPoint",
    "BurnoutRiskPointLevel",
    "BurnoutRiskSummary",
    "BurnoutRiskSummaryConfidence",
    "BurnoutRiskSummaryLevel",
    "BurnoutRiskTrends",
    "CareSetting",
    "CharterHealth",
    "CharterHealthGoalsByStatus",
    "Collaboration",
    "CollaborationComponents",
    "CollaborationLevel",
    "CollaborationPoint",
    "CollaborationStructure",
    "CollaborationSummary",
    "CollaborationSummaryLevel",
    "CollaborationTrends",
    "Competencies",
    "DeadLetterOut",
    "DeadLetterPage",
    "Driver",
    "DriverDriver",
    "DriverStatus",
    "HeatmapRow",
    "Liveness",
    "Measured",
    "MoraleBreakdown",
    "MoraleGroups",
    "MoraleIndex",
    "MoraleLevel",
    "MoralePoint",
    "MoraleTrends",
    "OrgDashboard",
    "OrgHeatmap",
    "OrgHeatmapCompetenciesItem",
    "OrgTeam",
    "OrgTeamPage",
    "OrganisationFigures",
    "OrganisationFiguresTeamsByBurnoutRisk",
    "Participation",
    "PartitionStatus",
    "Problem",
    "ProjectionStatus",
    "ReadTeamTrendsMetric",
    "Readiness",
    "ReadinessChecks",
    "Rebuilt",
    "ReplayRequest",
    "ReplayResult",
    "RoleChange",
    "RoleChangeChange",
    "Roster",
    "RosterByProfession",
    "RosterByTeamRole",
    "TeamDashboard",
    "TeamRole",
    "TeamSummary",
)
