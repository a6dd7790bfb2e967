"""Contains all the data models used in inputs/outputs"""

from .action_created import ActionCreated
from .action_owners_changed import ActionOwnersChanged
from .action_prompt_ref import ActionPromptRef
from .action_status_changed import ActionStatusChanged
from .attempt_out import AttemptOut
from .campaign_closed import CampaignClosed
from .campaign_opened import CampaignOpened
from .charter_review_due import CharterReviewDue
from .charter_review_overdue import CharterReviewOverdue
from .charter_reviewed import CharterReviewed
from .charter_revised import CharterRevised
from .cloud_event import CloudEvent
from .dead_letter_out import DeadLetterOut
from .dead_letter_page import DeadLetterPage
from .delivery_out import DeliveryOut
from .delivery_page import DeliveryPage
from .delivery_status import DeliveryStatus
from .event_type_page import EventTypePage
from .liveness import Liveness
from .member_joined import MemberJoined
from .member_left import MemberLeft
from .member_role_changed import MemberRoleChanged
from .participation import Participation
from .person_ref import PersonRef
from .problem import Problem
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .replay_in import ReplayIn
from .replay_out import ReplayOut
from .replay_request import ReplayRequest
from .replay_result import ReplayResult
from .results_published import ResultsPublished
from .results_published_scores import ResultsPublishedScores
from .risk_driver import RiskDriver
from .risk_lowered import RiskLowered
from .risk_raised import RiskRaised
from .risk_resolved import RiskResolved
from .rotate_in import RotateIn
from .shareable_field import ShareableField
from .sharing_in import SharingIn
from .sharing_out import SharingOut
from .subscription_in import SubscriptionIn
from .subscription_out import SubscriptionOut
from .subscription_page import SubscriptionPage
from .subscription_patch import SubscriptionPatch
from .subscription_patch_status import SubscriptionPatchStatus
from .subscription_status import SubscriptionStatus
from .subscription_with_secret import SubscriptionWithSecret
from .team_archived import TeamArchived
from .team_created import TeamCreated
from .team_renamed import TeamRenamed
from .webhook_disabled import WebhookDisabled
from .webhook_ping import WebhookPing

__all__ = (
    "ActionCreated",
    "ActionOwnersChanged",
    "ActionPromptRef",
    "ActionStatusChanged",
    "AttemptOut",
    "CampaignClosed",
    "CampaignOpened",
    "CharterReviewDue",
    "CharterReviewOverdue",
    "CharterReviewed",
    "CharterRevised",
    "CloudEvent",
    "DeadLetterOut",
    "DeadLetterPage",
    "DeliveryOut",
    "DeliveryPage",
    "DeliveryStatus",
    "EventTypePage",
    "Liveness",
    "MemberJoined",
    "MemberLeft",
    "MemberRoleChanged",
    "Participation",
    "PersonRef",
    "Problem",
    "Readiness",
    "ReadinessChecks",
    "ReplayIn",
    "ReplayOut",
    "ReplayRequest",
    "ReplayResult",
    "ResultsPublished",
    "ResultsPublishedScores",
    "RiskDriver",
    "RiskLowered",
    "RiskRaised",
    "RiskResolved",
    "RotateIn",
    "ShareableField",
    "SharingIn",
    "SharingOut",
    "SubscriptionIn",
    "SubscriptionOut",
    "SubscriptionPage",
    "SubscriptionPatch",
    "SubscriptionPatchStatus",
    "SubscriptionStatus",
    "SubscriptionWithSecret",
    "TeamArchived",
    "TeamCreated",
    "TeamRenamed",
    "WebhookDisabled",
    "WebhookPing",
)
