"""Who may call ``/scim/v2``: an integration client of the organisation holding ``scim``.

It authenticates with a bearer token: an access token from the client credentials grant (a
signed JWT, verified like every token), or the client's secret itself for connectors that only
take a fixed token (see :mod:`huddle_identity.application.connectors`). People are refused
(403), org admins too: SCIM is for connectors.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from huddle_identity.api.deps import IdentityDep
from huddle_identity.application import access, connectors
from huddle_shared.auth import Principal, TokenVerifier
from huddle_shared.errors import Unauthorized
from huddle_shared.logs import tenant_var

_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ScimBearer",
    description="An access token of an integration client holding the scope 'scim', or that "
    "client's secret",
)


async def scim_connector(
    request: Request,
    identity: IdentityDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The verified connector of this request; 401 without a valid token, 403 for others."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("Send 'Authorization: Bearer <token>'")
    token = credentials.credentials
    if "." in token:  # a JWT; a client secret (base64url) holds no dot
        verifier: TokenVerifier = request.app.state.token_verifier
        principal = await verifier.verify(token)
    else:
        found = await connectors.connector_by_secret(identity.engine, token)
        if found is None:
            raise Unauthorized("The bearer token is no valid access token nor a client's secret")
        principal = found
    access.ensure_scim_connector(principal)
    request.state.principal = principal
    tenant_var.set(principal.org_id)
    return principal


ScimConnector = Annotated[Principal, Depends(scim_connector)]
