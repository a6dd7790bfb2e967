"""Contains all the data models used in inputs/outputs"""

from .anonymity import Anonymity
from .band import Band
from .campaign_create import CampaignCreate
from .campaign_out import CampaignOut
from .campaign_page import CampaignPage
from .campaign_settings import CampaignSettings
from .comment_page import CommentPage
from .dead_letter_out import DeadLetterOut
from .dead_letter_page import DeadLetterPage
from .instrument_definition import InstrumentDefinition
from .instrument_kind import InstrumentKind
from .instrument_out import InstrumentOut
from .instrument_page import InstrumentPage
from .instrument_summary import InstrumentSummary
from .item import Item
from .liveness import Liveness
from .own_response import OwnResponse
from .own_response_answers import OwnResponseAnswers
from .participation import Participation
from .problem import Problem
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .replay_request import ReplayRequest
from .replay_result import ReplayResult
from .response_create import ResponseCreate
from .response_create_answers import ResponseCreateAnswers
from .response_receipt import ResponseReceipt
from .response_scores import ResponseScores
from .response_scores_flags import ResponseScoresFlags
from .response_scores_subscales import ResponseScoresSubscales
from .scale import Scale
from .scale_option import ScaleOption
from .scoring_rule import ScoringRule
from .subscale import Subscale

__all__ = (
    "Anonymity",
    "Band",
    "CampaignCreate",
    "CampaignOut",
    "CampaignPage",
    "CampaignSettings",
    "CommentPage",
    "DeadLetterOut",
    "DeadLetterPage",
    "InstrumentDefinition",
    "InstrumentKind",
    "InstrumentOut",
    "InstrumentPage",
    "InstrumentSummary",
    "Item",
    "Liveness",
    "OwnResponse",
    "OwnResponseAnswers",
    "Participation",
    "Problem",
    "Readiness",
    "ReadinessChecks",
    "ReplayRequest",
    "ReplayResult",
    "ResponseCreate",
    "ResponseCreateAnswers",
    "ResponseReceipt",
    "ResponseScores",
    "ResponseScoresFlags",
    "ResponseScoresSubscales",
    "Scale",
    "ScaleOption",
    "ScoringRule",
    "Subscale",
)
