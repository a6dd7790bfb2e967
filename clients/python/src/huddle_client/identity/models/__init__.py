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
from .list_sign_ins_method_type_0 import ListSignInsMethodType0
from .list_sign_ins_result_type_0 import ListSignInsResultType0
from .liveness import Liveness
from .open_id_configuration import OpenIdConfiguration
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
from .revocation_request import RevocationRequest
from .scim_enterprise_user import ScimEnterpriseUser
from .scim_error import ScimError
from .scim_group import ScimGroup
from .scim_group_list import ScimGroupList
from .scim_group_members_item import ScimGroupMembersItem
from .scim_group_meta import ScimGroupMeta
from .scim_huddle_user import ScimHuddleUser
from .scim_patch_op import ScimPatchOp
from .scim_patch_op_operations_item import ScimPatchOpOperationsItem
from .scim_resource_type import ScimResourceType
from .scim_resource_type_list import ScimResourceTypeList
from .scim_resource_type_meta import ScimResourceTypeMeta
from .scim_resource_type_schema_extensions_item import ScimResourceTypeSchemaExtensionsItem
from .scim_schema import ScimSchema
from .scim_schema_attributes_item import ScimSchemaAttributesItem
from .scim_schema_attributes_item_sub_attributes_item import (
    ScimSchemaAttributesItemSubAttributesItem,
)
from .scim_schema_list import ScimSchemaList
from .scim_schema_meta import ScimSchemaMeta
from .scim_search_request import ScimSearchRequest
from .scim_service_provider_config import ScimServiceProviderConfig
from .scim_service_provider_config_authentication_schemes_item import (
    ScimServiceProviderConfigAuthenticationSchemesItem,
)
from .scim_service_provider_config_bulk import ScimServiceProviderConfigBulk
from .scim_service_provider_config_change_password import ScimServiceProviderConfigChangePassword
from .scim_service_provider_config_etag import ScimServiceProviderConfigEtag
from .scim_service_provider_config_filter import ScimServiceProviderConfigFilter
from .scim_service_provider_config_meta import ScimServiceProviderConfigMeta
from .scim_service_provider_config_pagination import ScimServiceProviderConfigPagination
from .scim_service_provider_config_patch import ScimServiceProviderConfigPatch
from .scim_service_provider_config_sort import ScimServiceProviderConfigSort
from .scim_user import ScimUser
from .scim_user_emails_item import ScimUserEmailsItem
from .scim_user_groups_item import ScimUserGroupsItem
from .scim_user_list import ScimUserList
from .scim_user_meta import ScimUserMeta
from .scim_user_name import ScimUserName
from .sign_in_form import SignInForm
from .sign_in_out import SignInOut
from .sign_in_out_method import SignInOutMethod
from .sign_in_out_result import SignInOutResult
from .sign_in_page import SignInPage
from .sso_connection_in import SsoConnectionIn
from .sso_connection_in_claims import SsoConnectionInClaims
from .sso_connection_in_role_values import SsoConnectionInRoleValues
from .sso_connection_out import SsoConnectionOut
from .sso_connection_out_claims import SsoConnectionOutClaims
from .sso_connection_out_role_values import SsoConnectionOutRoleValues
from .token_request import TokenRequest
from .token_response import TokenResponse
from .user_create import UserCreate
from .user_info_out import UserInfoOut
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
    "ListSignInsMethodType0",
    "ListSignInsResultType0",
    "Liveness",
    "OpenIdConfiguration",
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
    "RevocationRequest",
    "ScimEnterpriseUser",
    "ScimError",
    "ScimGroup",
    "ScimGroupList",
    "ScimGroupMembersItem",
    "ScimGroupMeta",
    "ScimHuddleUser",
    "ScimPatchOp",
    "ScimPatchOpOperationsItem",
    "ScimResourceType",
    "ScimResourceTypeList",
    "ScimResourceTypeMeta",
    "ScimResourceTypeSchemaExtensionsItem",
    "ScimSchema",
    "ScimSchemaAttributesItem",
    "ScimSchemaAttributesItemSubAttributesItem",
    "ScimSchemaList",
    "ScimSchemaMeta",
    "ScimSearchRequest",
    "ScimServiceProviderConfig",
    "ScimServiceProviderConfigAuthenticationSchemesItem",
    "ScimServiceProviderConfigBulk",
    "ScimServiceProviderConfigChangePassword",
    "ScimServiceProviderConfigEtag",
    "ScimServiceProviderConfigFilter",
    "ScimServiceProviderConfigMeta",
    "ScimServiceProviderConfigPagination",
    "ScimServiceProviderConfigPatch",
    "ScimServiceProviderConfigSort",
    "ScimUser",
    "ScimUserEmailsItem",
    "ScimUserGroupsItem",
    "ScimUserList",
    "ScimUserMeta",
    "ScimUserName",
    "SignInForm",
    "SignInOut",
    "SignInOutMethod",
    "SignInOutResult",
    "SignInPage",
    "SsoConnectionIn",
    "SsoConnectionInClaims",
    "SsoConnectionInRoleValues",
    "SsoConnectionOut",
    "SsoConnectionOutClaims",
    "SsoConnectionOutRoleValues",
    "TokenRequest",
    "TokenResponse",
    "UserCreate",
    "UserInfoOut",
    "UserOut",
    "UserOutStatus",
    "UserPage",
    "UserUpdate",
)
