"""Every router of the identity API, in the order the OpenAPI document lists them."""

from huddle_identity.api import accounts, auth, authorize, clients, orgs, scim, sso, users

routers = [
    auth.router,
    authorize.router,
    orgs.router,
    sso.router,
    users.router,
    accounts.router,
    accounts.resets,
    clients.router,
    scim.router,
]
