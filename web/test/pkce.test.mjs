// Unit tests of src/auth/pkce.ts with node's own runner and WebCrypto: `npm test` compiles the
// module (tsconfig.test.json, into .test-build/) and runs these. Identity is a fake here (the
// browser test, tests/integration/test_console.py, runs the flow against the real one).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { SignInRefused } from "../.test-build/auth/flow.js";
import {
  CLIENT_ID,
  IdTokenInvalid,
  PENDING_KEY,
  authorizationUrl,
  base64url,
  codeChallenge,
  codeFlow,
  describeOAuthError,
  randomToken,
  throughProxy,
  verifyIdToken,
} from "../.test-build/auth/pkce.js";

const ISSUER = "https://huddle.example.com/identity";
const ROOT = "https://console.example.com/";
const PROXY = "https://console.example.com/api/identity";
const NOW = Date.UTC(2025, 0, 1);
const UNRESERVED = /^[A-Za-z0-9\-._~]+$/;

class MemoryStorage {
  #items = new Map();
  get length() {
    return this.#items.size;
  }
  key(index) {
    return [...this.#items.keys()][index] ?? null;
  }
  getItem(key) {
    return this.#items.get(key) ?? null;
  }
  setItem(key, value) {
    this.#items.set(key, String(value));
  }
  removeItem(key) {
    this.#items.delete(key);
  }
  clear() {
    this.#items.clear();
  }
}

const text = (value) => base64url(new TextEncoder().encode(JSON.stringify(value)));

async function signer(kid = "key-1") {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ]);
  const jwk = { ...(await crypto.subtle.exportKey("jwk", pair.publicKey)), kid, use: "sig" };
  delete jwk.key_ops;
  delete jwk.ext;
  return {
    jwks: { keys: [jwk] },
    async sign(claims, header = {}) {
      const signed = `${text({ alg: "ES256", kid, typ: "JWT", ...header })}.${text(claims)}`;
      const signature = await crypto.subtle.sign(
        { name: "ECDSA", hash: "SHA-256" },
        pair.privateKey,
        new TextEncoder().encode(signed),
      );
      return `${signed}.${base64url(new Uint8Array(signature))}`;
    },
  };
}

async function atHash(accessToken) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(accessToken));
  return base64url(new Uint8Array(digest).slice(0, 16));
}

function claims(overrides = {}) {
  return {
    iss: ISSUER,
    sub: "user-1",
    aud: [CLIENT_ID],
    exp: NOW / 1000 + 900,
    iat: NOW / 1000,
    nonce: "the-nonce",
    ...overrides,
  };
}

const expected = { issuer: ISSUER, clientId: CLIENT_ID, nonce: "the-nonce", now: NOW };

describe("PKCE and the authorization request", () => {
  test("random tokens use only unreserved characters, verifiers 43 to 128 of them", () => {
    const verifier = randomToken(64);
    assert.match(verifier, UNRESERVED);
    assert.ok(verifier.length >= 43 && verifier.length <= 128, `${verifier.length}`);
    assert.equal(randomToken().length, 43);
    assert.notEqual(randomToken(), randomToken());
  });

  test("the S256 challenge is RFC 7636's worked example", async () => {
    const challenge = await codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    assert.equal(challenge, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });

  test("the authorization URL carries every parameter of the request", () => {
    const url = new URL(
      authorizationUrl(`${ISSUER}/v1/auth/authorize`, {
        clientId: CLIENT_ID,
        redirectUri: `${ROOT}signin/callback`,
        state: "s",
        nonce: "n",
        challenge: "c",
      }),
    );
    assert.equal(url.origin + url.pathname, `${ISSUER}/v1/auth/authorize`);
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      response_type: "code",
      client_id: CLIENT_ID,
      redirect_uri: `${ROOT}signin/callback`,
      scope: "openid profile email",
      state: "s",
      nonce: "n",
      code_challenge: "c",
      code_challenge_method: "S256",
    });
  });

  test("the issuer's endpoints are reached through the console's proxy", () => {
    assert.equal(throughProxy(`${ISSUER}/v1/auth/token`, ISSUER, PROXY), `${PROXY}/v1/auth/token`);
    assert.equal(
      throughProxy("http://127.0.0.1:8001/.well-known/jwks.json", "http://127.0.0.1:8001/", PROXY),
      `${PROXY}/.well-known/jwks.json`,
    );
    assert.throws(() => throughProxy("https://elsewhere.example/token", ISSUER, PROXY), SignInRefused);
    assert.throws(() => throughProxy(`${ISSUER}-evil/token`, ISSUER, PROXY), SignInRefused);
  });

  test("OAuth errors are put in words", () => {
    assert.equal(
      describeOAuthError("access_denied", null),
      "The sign-in was refused or cancelled. Please sign in again.",
    );
    assert.match(describeOAuthError("invalid_scope", "no such scope"), /access .* \(no such scope\)/);
    assert.match(describeOAuthError("made_up", ""), /refused the sign-in \(made_up\)/);
  });
});

describe("the ID token", () => {
  test("a token signed by a JWKS key, with the expected claims, verifies", async () => {
    const key = await signer();
    const token = await key.sign(claims({ at_hash: await atHash("the-access-token") }));
    const verified = await verifyIdToken(token, key.jwks, {
      ...expected,
      accessToken: "the-access-token",
    });
    assert.equal(verified.sub, "user-1");
    assert.equal(
      (await verifyIdToken(await key.sign(claims({ aud: CLIENT_ID })), key.jwks, expected)).sub,
      "user-1",
    );
  });

  const refusals = [
    ["another issuer", claims({ iss: "https://evil.example" }), /another issuer/],
    ["another audience", claims({ aud: ["other-app"] }), /another client/],
    ["another azp", claims({ aud: [CLIENT_ID, "x"], azp: "x" }), /another client/],
    ["another nonce", claims({ nonce: "replayed" }), /nonce/],
    ["no nonce", claims({ nonce: undefined }), /nonce/],
    ["an expired token", claims({ exp: NOW / 1000 - 1 }), /expired/],
    ["no subject", claims({ sub: "" }), /names no one/],
  ];
  for (const [what, body, reason] of refusals) {
    test(`${what} is refused`, async () => {
      const key = await signer();
      await assert.rejects(verifyIdToken(await key.sign(body), key.jwks, expected), (error) => {
        assert.ok(error instanceof IdTokenInvalid);
        assert.match(error.message, reason);
        return true;
      });
    });
  }

  test("a forged or altered signature is refused", async () => {
    const key = await signer();
    const other = await signer();
    const forged = await other.sign(claims());
    await assert.rejects(verifyIdToken(forged, key.jwks, expected), /signature does not verify/);
    const [header, , signature] = (await key.sign(claims())).split(".");
    const altered = `${header}.${text(claims({ sub: "someone-else" }))}.${signature}`;
    await assert.rejects(verifyIdToken(altered, key.jwks, expected), /signature does not verify/);
  });

  test("another algorithm, an unknown key or an at_hash of another token is refused", async () => {
    const key = await signer();
    const unsigned = `${text({ alg: "none" })}.${text(claims())}.`;
    await assert.rejects(verifyIdToken(unsigned, key.jwks, expected), /not a signed JWT|none/);
    const hs = await key.sign(claims(), { alg: "HS256" });
    await assert.rejects(verifyIdToken(hs, key.jwks, expected), /signed with HS256/);
    const unknown = await key.sign(claims(), { kid: "retired" });
    await assert.rejects(verifyIdToken(unknown, key.jwks, expected), /not in identity's JWKS/);
    const bound = await key.sign(claims({ at_hash: await atHash("another") }));
    await assert.rejects(
      verifyIdToken(bound, key.jwks, { ...expected, accessToken: "mine" }),
      /another access token/,
    );
    await assert.rejects(verifyIdToken("not.a-jwt", key.jwks, expected), IdTokenInvalid);
  });
});

/** A fake identity behind the console's proxy: discovery, token, JWKS, revocation. */
async function fakeIdentity({ idToken } = {}) {
  const key = await signer();
  const calls = [];
  const discovery = {
    issuer: ISSUER,
    authorization_endpoint: `${ISSUER}/v1/auth/authorize`,
    token_endpoint: `${ISSUER}/v1/auth/token`,
    revocation_endpoint: `${ISSUER}/v1/auth/revoke`,
    jwks_uri: `${ISSUER}/.well-known/jwks.json`,
  };
  const json = (body, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  const fetch = async (url, init = {}) => {
    const form = init.body ? Object.fromEntries(new URLSearchParams(init.body.toString())) : null;
    calls.push({ url: String(url), method: init.method ?? "GET", form });
    switch (String(url)) {
      case `${PROXY}/.well-known/openid-configuration`:
        return json(discovery);
      case `${PROXY}/.well-known/jwks.json`:
        return json(key.jwks);
      case `${PROXY}/v1/auth/revoke`:
        return new Response(null, { status: 200 });
      case `${PROXY}/v1/auth/token`: {
        if (form.grant_type === "refresh_token") {
          return form.refresh_token === "refresh-1"
            ? json({ access_token: "access-2", refresh_token: "refresh-2", expires_in: 900 })
            : json({ error: "invalid_grant" }, 400);
        }
        if (form.code !== "the-code") return json({ error: "invalid_grant" }, 400);
        const pending = JSON.parse(storage.getItem(PENDING_KEY) ?? "null") ?? seen;
        return json({
          access_token: "access-1",
          refresh_token: "refresh-1",
          expires_in: 900,
          id_token: idToken ?? (await key.sign(claims({ nonce: pending.nonce }))),
        });
      }
      default:
        return new Response("not found", { status: 404 });
    }
  };
  const storage = new MemoryStorage();
  let seen = null;
  const navigated = [];
  const flow = codeFlow({
    root: ROOT,
    identityBase: PROXY,
    storage,
    navigate: (url) => {
      navigated.push(new URL(url));
      seen = JSON.parse(storage.getItem(PENDING_KEY));
    },
    fetch,
    now: () => NOW,
  });
  const callback = (params) => new URL(`${ROOT}signin/callback?${new URLSearchParams(params)}`);
  return { flow, storage, calls, navigated, callback, pending: () => seen };
}

describe("the flow", () => {
  test("start stores this tab's sign-in and leaves for identity's authorization endpoint", async () => {
    const identity = await fakeIdentity();
    await identity.flow.start();
    const [url] = identity.navigated;
    const pending = identity.pending();
    assert.equal(url.origin + url.pathname, `${ISSUER}/v1/auth/authorize`);
    assert.equal(url.searchParams.get("redirect_uri"), `${ROOT}signin/callback`);
    assert.equal(url.searchParams.get("state"), pending.state);
    assert.equal(url.searchParams.get("nonce"), pending.nonce);
    assert.equal(url.searchParams.get("code_challenge"), await codeChallenge(pending.verifier));
    assert.match(pending.verifier, UNRESERVED);
    assert.ok(identity.flow.isCallback(identity.callback({ code: "x" })));
    assert.ok(!identity.flow.isCallback(new URL(`${ROOT}#/`)));
  });

  test("the callback trades the code with the verifier, verifies the ID token, forgets the sign-in", async () => {
    const identity = await fakeIdentity();
    await identity.flow.start();
    const { state, verifier } = identity.pending();
    const tokens = await identity.flow.finish(identity.callback({ code: "the-code", state }));
    assert.deepEqual(tokens, {
      accessToken: "access-1",
      refreshToken: "refresh-1",
      expiresAt: NOW + 900_000,
    });
    const exchange = identity.calls.find((c) => c.url === `${PROXY}/v1/auth/token`);
    assert.deepEqual(exchange.form, {
      grant_type: "authorization_code",
      code: "the-code",
      redirect_uri: `${ROOT}signin/callback`,
      client_id: CLIENT_ID,
      code_verifier: verifier,
    });
    assert.ok(identity.calls.every((c) => c.url.startsWith(PROXY)), "all through the proxy");
    assert.equal(identity.storage.getItem(PENDING_KEY), null);
    // The same answer again: this tab has no sign-in waiting for it any more.
    await assert.rejects(
      identity.flow.finish(identity.callback({ code: "the-code", state })),
      /not started in this tab/,
    );
  });

  test("a tampered state is refused before the code is used", async () => {
    const identity = await fakeIdentity();
    await identity.flow.start();
    await assert.rejects(
      identity.flow.finish(identity.callback({ code: "the-code", state: "tampered" })),
      (error) => error instanceof SignInRefused && /does not match/.test(error.message),
    );
    assert.ok(!identity.calls.some((c) => c.url.endsWith("/v1/auth/token")));
    assert.equal(identity.storage.getItem(PENDING_KEY), null);
  });

  test("an OAuth error comes back in words; a bad ID token is refused", async () => {
    const identity = await fakeIdentity();
    await identity.flow.start();
    const { state } = identity.pending();
    await assert.rejects(
      identity.flow.finish(identity.callback({ error: "access_denied", state })),
      /refused or cancelled/,
    );
    const forged = await fakeIdentity({ idToken: "e30.e30.AAAA" });
    await forged.flow.start();
    await assert.rejects(
      forged.flow.finish(forged.callback({ code: "the-code", state: forged.pending().state })),
      /could not be verified/,
    );
  });

  test("refresh rotates through the proxy; revoke posts the refresh token", async () => {
    const identity = await fakeIdentity();
    assert.equal((await identity.flow.refresh("refresh-1")).refreshToken, "refresh-2");
    await assert.rejects(identity.flow.refresh("spent"), /session has ended/);
    await identity.flow.revoke("refresh-2");
    const revoke = identity.calls.find((c) => c.url === `${PROXY}/v1/auth/revoke`);
    assert.deepEqual(revoke.form, {
      token: "refresh-2",
      token_type_hint: "refresh_token",
      client_id: CLIENT_ID,
    });
  });
});
