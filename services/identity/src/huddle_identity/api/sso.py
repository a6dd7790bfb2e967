"""An organisation's single sign-on connection (org admins): read, connect or change, remove."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from huddle_identity.api.common import OrgId
from huddle_identity.api.deps import IdentityDep
from huddle_identity.api.sso_schemas import SsoConnectionIn, SsoConnectionOut
from huddle_identity.application import access, sso
from huddle_identity.application.deps import Identity
from huddle_identity.application.idps import SsoFailed
from huddle_identity.domain.sso import SsoSettings, validated
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import write
from huddle_shared.errors import DomainRuleViolated
from huddle_shared.http import IdempotencyKey, IfMatch, etag
from huddle_shared.openapi import ETAG, problems

router = APIRouter(prefix="/v1/orgs/{org_id}/sso", tags=["single sign-on"])
_ONLY_ADMINS = "Only the organisation's org admins manage its single sign-on"
_NONE = "The organisation has no single sign-on connection (or is another's)"


def _out(identity: Identity, view: sso.SsoView) -> dict[str, object]:
    s = view.settings
    return SsoConnectionOut(
        issuer=s.issuer,
        client_id=s.client_id,
        email_domains=list(s.email_domains),
        claims=dict(s.claims),
        role_values=dict(s.role_values),
        create_people=s.create_people,
        required=s.required,
        redirect_uri=sso.callback_url(identity),
        updated_at=view.updated_at,
    ).model_dump(mode="json")


@router.get(
    "",
    response_model=SsoConnectionOut,
    operation_id="read_sso_connection",
    summary="Read the organisation's single sign-on connection",
    responses={
        200: {"description": "The connection (never its secret)", "headers": ETAG},
        **problems(403, 404, _403=_ONLY_ADMINS, _404=_NONE),
    },
)
async def read_sso_connection(
    org_id: OrgId, identity: IdentityDep, principal: CurrentPrincipal
) -> JSONResponse:
    """The provider the organisation's people sign in through, and the redirect URI to
    register there. The client secret is never shown."""
    async with identity.engine.connect() as conn:
        view = await sso.view(conn, org_id=str(org_id), principal=principal)
    return JSONResponse(_out(identity, view), headers={"ETag": etag(view.version)})


@router.put(
    "",
    response_model=SsoConnectionOut,
    operation_id="configure_sso_connection",
    summary="Connect the organisation's identity provider, or change the connection",
    responses={
        200: {"description": "The connection", "headers": ETAG},
        **problems(
            403,
            404,
            409,
            412,
            422,
            _403=_ONLY_ADMINS,
            _404="No such organisation (or another's)",
            _409="Another organisation signs in with one of these email domains",
            _422="Invalid settings, the secret missing on the first connection, or the "
            "provider's discovery document could not be read or names another issuer",
        ),
    },
)
async def configure_sso_connection(
    org_id: OrgId,
    body: SsoConnectionIn,
    request: Request,
    identity: IdentityDep,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Sign the organisation's people in through its own OpenID provider (Entra ID, Okta,
    Ping, ADFS, Keycloak...): its issuer, Huddle's client id and secret there, the email
    domains that belong to it, how its ID token's claims map onto people, whether a first
    sign-in creates the person, and whether the provider is the only way in. The provider's
    discovery document is read first; a provider Huddle cannot reach is refused (422)."""
    access.ensure_org_admin(principal)  # 403 before anything about the body
    principal.require_org(str(org_id))
    settings = validated(
        SsoSettings(
            issuer=body.issuer,
            client_id=body.client_id,
            email_domains=tuple(body.email_domains),
            claims={str(k): v for k, v in body.claims.items()},
            role_values=dict(body.role_values),
            create_people=body.create_people,
            required=body.required,
        )
    )
    try:
        await identity.idps.metadata(settings.issuer)
    except SsoFailed as exc:
        raise DomainRuleViolated(f"The provider cannot be used: {exc.detail}") from exc
    return await write(
        request,
        principal,
        target=identity,
        change=lambda conn, caller: sso.configure(
            conn,
            identity,
            org_id=str(org_id),
            settings=settings,
            client_secret=body.client_secret,
            caller=caller,
        ),
        render=lambda view: _out(identity, view),
        if_match=if_match,
        idempotency_key=idempotency_key,
    )


@router.delete(
    "",
    status_code=204,
    operation_id="remove_sso_connection",
    summary="Disconnect the organisation's identity provider",
    responses={
        204: {"description": "Disconnected: its people sign in with passwords again"},
        **problems(403, 404, 409, 412, _403=_ONLY_ADMINS, _404=_NONE),
    },
)
async def remove_sso_connection(
    org_id: OrgId,
    request: Request,
    identity: IdentityDep,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> Response:
    """Stop single sign-on for the organisation. Links between people and the provider's
    accounts are kept, for a later connection to the same provider."""
    return await write(
        request,
        principal,
        target=identity,
        change=lambda conn, caller: sso.remove(conn, identity, org_id=str(org_id), caller=caller),
        render=lambda _: None,
        status_code=204,
        if_match=if_match,
    )
