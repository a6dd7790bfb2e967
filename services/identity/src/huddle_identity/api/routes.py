"""Every router of the identity API, in the order the OpenAPI document lists them."""

from huddle_identity.api import accounts, audit, auth, authorize, clients, orgs, scim, sso, users

routers = [
    auth.router,
    authorize.router,
    orgs.router,
    sso.router,
    audit.router,
    users.router,
    accounts.router,
    accounts.resets,
    clients.router,
    scim.router,
]
