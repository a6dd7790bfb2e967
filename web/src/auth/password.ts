// The OAuth 2.0 password grant against identity's token endpoint (POST /v1/auth/token, form
// encoded): the development sign-in until identity offers authorization code + PKCE.
import type { IdentityClient } from "../../../clients/typescript/src/index.ts";
import { SignInRefused, type SignInFlow, type Tokens } from "./flow.ts";

type Grant =
  | { grant_type: "password"; username: string; password: string }
  | { grant_type: "refresh_token"; refresh_token: string };

export function passwordGrant(identity: IdentityClient, now: () => number = Date.now): SignInFlow {
  async function token(grant: Grant): Promise<Tokens> {
    const { data, response } = await identity.POST("/v1/auth/token", {
      body: grant,
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    if (!data) {
      if (response.status === 429) {
        throw new SignInRefused("Too many attempts. Wait a minute, then try again.");
      }
      throw new SignInRefused(
        grant.grant_type === "password"
          ? "That email and password do not match an active account."
          : "Your session has ended. Please sign in again.",
      );
    }
    return {
      accessToken: data.access_token,
      refreshToken: data.refresh_token ?? null,
      expiresAt: now() + data.expires_in * 1000,
    };
  }
  return {
    signIn: ({ username, password }) => token({ grant_type: "password", username, password }),
    refresh: (refreshToken) => token({ grant_type: "refresh_token", refresh_token: refreshToken }),
  };
}
