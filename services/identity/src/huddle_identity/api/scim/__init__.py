"""SCIM 2.0 provisioning (RFC 7643, RFC 7644) at ``/scim/v2``: an organisation's identity
provider (Entra ID, Okta...) creates, changes, deactivates and deletes its people, and gives
them org roles through the groups. See the "SCIM provisioning" section of docs/identity.md.

| module        | what                                                                   |
|---------------|------------------------------------------------------------------------|
| resources     | the scim2-models resources, published schemas, resource types, config  |
| mapping       | a person as a SCIM User and back; an org role as a Group (pure)        |
| filters       | SCIM filters as the criteria identity searches people by               |
| security      | who may call: an integration client holding ``scim``                   |
| errors        | SCIM errors under the prefix, and the ``huddle_scim_requests`` metric  |
| openapi       | the SCIM routes in the OpenAPI document                                |
| users, groups, discovery | the routes                                                  |
"""

from fastapi import APIRouter, FastAPI

from huddle_identity.api.scim import discovery, errors, groups, openapi, users

router = APIRouter()
router.include_router(users.router)
router.include_router(groups.router)
router.include_router(discovery.router)


def install(app: FastAPI) -> None:
    """What the SCIM routes need of the app beyond the router: SCIM errors and documentation."""
    errors.install(app)
    openapi.install(app, is_scim=errors.is_scim)
