"""Contains all the data models used in inputs/outputs"""

from .client_create import ClientCreate
from .client_created import ClientCreated
from .client_out import ClientOut
from .client_page import ClientPage
from .deactivation import Deactivation
from .invitation_accept import InvitationAccept
from .invitation_create import InvitationCreate
from .invitation_out import InvitationOut
from .invitation_out_status import InvitationOutStatus
from .invitation_page import InvitationPage
from .invitation_status_filter import InvitationStatusFilter
from .jwk import Jwk
from .jwks import Jwks
from .liveness import Liveness
from .org_create import OrgCreate
from .org_created import OrgCreated
from .org_out import OrgOut
from .org_role import OrgRole
from .person_in import PersonIn
from .problem import Problem
from .profession import Profession
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .reset_complete import ResetComplete
from .reset_request import ResetRequest
from .reset_requested import ResetRequested
from .token_request import TokenRequest
from .token_response import TokenResponse
from .user_create import UserCreate
from .user_out import UserOut
from .user_out_status import UserOutStatus
from .user_page import UserPage
from .user_update import UserUpdate

__all__ = (
    "ClientCreate",
    "ClientCreated",
    "ClientOut",
    "ClientPage",
    "Deactivation",
    "InvitationAccept",
    "InvitationCreate",
    "InvitationOut",
    "InvitationOutStatus",
    "InvitationPage",
    "InvitationStatusFilter",
    "Jwk",
    "Jwks",
    "Liveness",
    "OrgCreate",
    "OrgCreated",
    "OrgOut",
    "OrgRole",
    "PersonIn",
    "Problem",
    "Profession",
    "Readiness",
    "ReadinessChecks",
    "ResetComplete",
    "ResetRequest",
    "ResetRequested",
    "TokenRequest",
    "TokenResponse",
    "UserCreate",
    "UserOut",
    "UserOutStatus",
    "UserPage",
    "UserUpdate",
)
