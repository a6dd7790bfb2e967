// Sign-in through identity as an OpenID provider: the authorization-code flow with PKCE
// (RFC 7636, S256) for the public client `huddle-console`. `start()` sends the browser to
// identity's sign-in page with a fresh state, nonce and code verifier, kept in sessionStorage
// (this tab only); `finish()`, on the redirect URI, checks the state, trades the code for
// tokens and verifies the ID token (ES256 against identity's JWKS, issuer, audience, nonce,
// expiry). Discovery, the token, JWKS and revocation endpoints are reached through the
// console's same-origin proxy (`api/identity/...`); only the sign-in page is identity's own
// origin. No DOM here: the browser's objects come in through the options (and tests).
import { SignInRefused, type SignInFlow, type Tokens } from "./flow.ts";

export const CLIENT_ID = "huddle-console";
export const SCOPE = "openid profile email";
/** Where the sign-in under way (state, nonce, verifier) waits for its answer. */
export const PENDING_KEY = "huddle.console.signin";
export const CALLBACK_PATH = "signin/callback";
const ALG = "ES256";
const REVOKE_TIMEOUT_MS = 10_000;

export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint: string;
  jwks_uri: string;
}

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
}

export interface Jwk {
  kty: string;
  kid?: string;
  crv?: string;
  x?: string;
  y?: string;
  use?: string;
}

export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  nonce?: string;
  azp?: string;
  at_hash?: string;
  [claim: string]: unknown;
}

interface TokenAnswer {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  error?: string;
}

export interface CodeFlowOptions {
  /** The console's root URL (where index.html is); the redirect URI is signin/callback under it. */
  root: string;
  /** Identity's API through the console's proxy (`<root>api/identity`), no trailing slash. */
  identityBase: string;
  /** sessionStorage in the browser: the sign-in under way belongs to this tab. */
  storage: Storage;
  /** Leaves the console for the authorization endpoint (`location.assign`). */
  navigate: (url: string) => void;
  fetch?: typeof fetch;
  now?: () => number;
  clientId?: string;
}

/** The ID token is not one to trust; the message says why (for the person, and the logs). */
export class IdTokenInvalid extends Error {}

export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new TypeError("not base64url");
  const padded = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(padded + "=".repeat((4 - (padded.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Random bytes as base64url: only unreserved characters, 43 of them for 32 bytes. */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The PKCE S256 challenge: base64url(SHA-256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function authorizationUrl(
  endpoint: string,
  request: { clientId: string; redirectUri: string; state: string; nonce: string; challenge: string },
): string {
  const url = new URL(endpoint);
  const params = {
    response_type: "code",
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: SCOPE,
    state: request.state,
    nonce: request.nonce,
    code_challenge: request.challenge,
    code_challenge_method: "S256",
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

/** One of the issuer's endpoints, reached through the console's proxy instead. */
export function throughProxy(endpoint: string, issuer: string, identityBase: string): string {
  const prefix = issuer.replace(/\/+$/, "");
  if (!endpoint.startsWith(`${prefix}/`)) {
    throw new SignInRefused("Huddle's sign-in is misconfigured: an endpoint is not the issuer's.");
  }
  return identityBase.replace(/\/+$/, "") + endpoint.slice(prefix.length);
}

const OAUTH_ERRORS: Record<string, string> = {
  access_denied: "The sign-in was refused or cancelled.",
  login_required: "Huddle needs you to sign in again.",
  interaction_required: "Huddle needs you to sign in again.",
  invalid_request: "Huddle refused the console's sign-in request.",
  invalid_scope: "Huddle refused the access the console asked for.",
  unauthorized_client: "This console may not sign people in with Huddle.",
  unsupported_response_type: "Huddle refused the console's sign-in request.",
  server_error: "Huddle ran into an error while signing you in.",
  temporarily_unavailable: "Huddle cannot sign you in just now. Wait a moment.",
};

/** An OAuth error from the redirect URI, in words (its description, if any, after them). */
export function describeOAuthError(error: string, description: string | null): string {
  const words = OAUTH_ERRORS[error] ?? `Huddle refused the sign-in (${error.slice(0, 60)}).`;
  const detail = description?.trim().slice(0, 300);
  return `${words}${detail ? ` (${detail})` : ""} Please sign in again.`;
}

function segment(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(fromBase64url(text)));
  } catch {
    throw new IdTokenInvalid("it is not a JWT");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new IdTokenInvalid("it is not a JWT");
  }
  return value as Record<string, unknown>;
}

/** Verifies an ID token: ES256 signature by a key of the JWKS, then iss, aud, nonce, exp and,
 * when present, azp and at_hash. The claims, or IdTokenInvalid. */
export async function verifyIdToken(
  idToken: string,
  jwks: { keys: Jwk[] },
  expected: { issuer: string; clientId: string; nonce: string; now: number; accessToken?: string },
): Promise<IdTokenClaims> {
  const parts = idToken.split(".");
  const [encodedHeader, encodedClaims, encodedSignature] = parts;
  if (parts.length !== 3 || !encodedHeader || !encodedClaims || !encodedSignature) {
    throw new IdTokenInvalid("it is not a signed JWT");
  }
  const header = segment(encodedHeader);
  if (header.alg !== ALG) throw new IdTokenInvalid(`it is signed with ${String(header.alg)}`);
  if (header.crit !== undefined) throw new IdTokenInvalid("it has critical header parameters");
  const jwk = jwks.keys.find(
    (k) => k.kid === header.kid && k.kty === "EC" && k.crv === "P-256" && (k.use ?? "sig") === "sig",
  );
  if (!jwk?.x || !jwk.y) throw new IdTokenInvalid("its signing key is not in identity's JWKS");
  const key = await crypto.subtle.importKey(
    "jwk",
    { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y, ext: true },
    { name: "ECDSA", namedCurve: "P-256" },
    false,
    ["verify"],
  );
  const signature = fromBase64url(encodedSignature);
  const signed = new TextEncoder().encode(`${encodedHeader}.${encodedClaims}`);
  const valid =
    signature.length === 64 &&
    (await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, signature, signed));
  if (!valid) throw new IdTokenInvalid("its signature does not verify");

  const claims = segment(encodedClaims);
  if (claims.iss !== expected.issuer) throw new IdTokenInvalid("it is from another issuer");
  const aud = claims.aud;
  const audiences = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
  if (!audiences.includes(expected.clientId)) {
    throw new IdTokenInvalid("it is meant for another client");
  }
  if ((audiences.length > 1 || claims.azp !== undefined) && claims.azp !== expected.clientId) {
    throw new IdTokenInvalid("it was issued to another client");
  }
  if (typeof claims.exp !== "number" || claims.exp * 1000 <= expected.now) {
    throw new IdTokenInvalid("it has expired");
  }
  if (typeof claims.nonce !== "string" || claims.nonce !== expected.nonce) {
    throw new IdTokenInvalid("it answers another sign-in (nonce)");
  }
  if (typeof claims.sub !== "string" || !claims.sub) throw new IdTokenInvalid("it names no one");
  if (claims.at_hash !== undefined && expected.accessToken !== undefined) {
    const digest = await crypto.subtle.digest(
      "SHA-256",
      new TextEncoder().encode(expected.accessToken),
    );
    if (claims.at_hash !== base64url(new Uint8Array(digest).slice(0, 16))) {
      throw new IdTokenInvalid("it belongs to another access token");
    }
  }
  return claims as IdTokenClaims;
}

function isPending(value: unknown): value is Pending {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return ["state", "nonce", "verifier", "redirectUri"].every((k) => typeof v[k] === "string");
}

export function codeFlow(options: CodeFlowOptions): SignInFlow {
  const http = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const clientId = options.clientId ?? CLIENT_ID;
  const redirectUri = new URL(CALLBACK_PATH, options.root).href;
  let discovered: Promise<Discovery> | null = null;

  async function load(): Promise<Discovery> {
    const unavailable = "Huddle's sign-in cannot be reached just now. Try again in a moment.";
    let response: Response;
    try {
      response = await http(`${options.identityBase}/.well-known/openid-configuration`, {
        headers: { Accept: "application/json" },
      });
    } catch {
      throw new SignInRefused(unavailable);
    }
    const body = (response.ok ? await response.json().catch(() => null) : null) as Record<
      string,
      unknown
    > | null;
    const fields = ["issuer", "authorization_endpoint", "token_endpoint", "revocation_endpoint"];
    if (!body || ![...fields, "jwks_uri"].every((f) => typeof body[f] === "string")) {
      throw new SignInRefused(unavailable);
    }
    return body as unknown as Discovery;
  }

  function discovery(): Promise<Discovery> {
    discovered ??= load().catch((error: unknown) => {
      discovered = null;
      throw error;
    });
    return discovered;
  }

  async function post(
    endpoint: keyof Discovery,
    form: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<Response> {
    const d = await discovery();
    return http(throughProxy(d[endpoint], d.issuer, options.identityBase), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams(form),
      cache: "no-store",
      signal,
    });
  }

  async function token(form: Record<string, string>, refused: string): Promise<TokenAnswer> {
    let response: Response;
    try {
      response = await post("token_endpoint", form);
    } catch (error) {
      if (error instanceof SignInRefused) throw error;
      throw new SignInRefused("Huddle could not be reached. Try again.");
    }
    const body = (await response.json().catch(() => ({}))) as Partial<TokenAnswer>;
    if (response.status === 429) {
      throw new SignInRefused("Too many attempts. Wait a minute, then try again.");
    }
    if (
      !response.ok ||
      typeof body.access_token !== "string" ||
      typeof body.expires_in !== "number"
    ) {
      throw new SignInRefused(refused);
    }
    return body as TokenAnswer;
  }

  function tokens(answer: TokenAnswer): Tokens {
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token ?? null,
      expiresAt: now() + answer.expires_in * 1000,
    };
  }

  /** The sign-in under way in this tab, removed as it is read: each answer is used once. */
  function takePending(): Pending | null {
    const stored = options.storage.getItem(PENDING_KEY);
    options.storage.removeItem(PENDING_KEY);
    try {
      const value: unknown = stored ? JSON.parse(stored) : null;
      return isPending(value) ? value : null;
    } catch {
      return null;
    }
  }

  return {
    async start() {
      const d = await discovery();
      const pending: Pending = {
        state: randomToken(),
        nonce: randomToken(),
        verifier: randomToken(64),
        redirectUri,
      };
      const challenge = await codeChallenge(pending.verifier);
      options.storage.setItem(PENDING_KEY, JSON.stringify(pending));
      options.navigate(
        authorizationUrl(d.authorization_endpoint, { clientId, ...pending, challenge }),
      );
    },

    isCallback(url) {
      return `${url.origin}${url.pathname}` === redirectUri;
    },

    async finish(url) {
      const pending = takePending();
      const answer = url.searchParams;
      if (!pending) {
        throw new SignInRefused(
          "This sign-in was not started in this tab, or it is already finished. Please sign in again.",
        );
      }
      // The state first: an answer to a sign-in this tab did not start is not read any further.
      if (answer.get("state") !== pending.state) {
        throw new SignInRefused(
          "This sign-in was refused: the answer does not match the sign-in started in this tab. Please sign in again.",
        );
      }
      const error = answer.get("error");
      if (error) throw new SignInRefused(describeOAuthError(error, answer.get("error_description")));
      const code = answer.get("code");
      if (!code) throw new SignInRefused("Huddle's answer holds no sign-in code. Please sign in again.");
      const issued = await token(
        {
          grant_type: "authorization_code",
          code,
          redirect_uri: pending.redirectUri,
          client_id: clientId,
          code_verifier: pending.verifier,
        },
        "This sign-in has expired or was already used. Please sign in again.",
      );
      const d = await discovery();
      try {
        if (typeof issued.id_token !== "string") throw new IdTokenInvalid("there is no ID token");
        const keys = await http(throughProxy(d.jwks_uri, d.issuer, options.identityBase));
        if (!keys.ok) throw new IdTokenInvalid("identity's JWKS could not be read");
        await verifyIdToken(issued.id_token, (await keys.json()) as { keys: Jwk[] }, {
          issuer: d.issuer,
          clientId,
          nonce: pending.nonce,
          now: now(),
          accessToken: issued.access_token,
        });
      } catch (reason) {
        const why = reason instanceof IdTokenInvalid ? reason.message : "it could not be checked";
        throw new SignInRefused(
          `Huddle's answer could not be verified (${why}), so the console refused it. Please sign in again.`,
        );
      }
      return tokens(issued);
    },

    async refresh(refreshToken) {
      const form = { grant_type: "refresh_token", refresh_token: refreshToken };
      return tokens(await token(form, "Your session has ended. Please sign in again."));
    },

    async revoke(refreshToken) {
      const form = { token: refreshToken, token_type_hint: "refresh_token", client_id: clientId };
      const response = await post("revocation_endpoint", form, AbortSignal.timeout(REVOKE_TIMEOUT_MS));
      if (!response.ok) throw new Error(`revocation answered HTTP ${response.status}`);
    },
  };
}
