"""Every router of the identity API, in the order the OpenAPI document lists them."""

from huddle_identity.api import accounts, auth, clients, orgs, users

routers = [
    auth.router,
    orgs.router,
    users.router,
    accounts.router,
    accounts.resets,
    clients.router,
]
