// How the console gets tokens. Sign-in is a flow behind this interface so that identity's
// authorization-code + PKCE flow (once it exists) replaces the password grant without
// touching the rest of the console: only `signInFlow()` in main.ts changes.
export interface Tokens {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch milliseconds after which the access token is no longer accepted. */
  expiresAt: number;
}

export interface SignInFlow {
  /** Credentials in, tokens out; throws SignInRefused with a message fit to show. */
  signIn(credentials: { username: string; password: string }): Promise<Tokens>;
  /** A new pair for a refresh token (identity rotates it: the old one is spent). */
  refresh(refreshToken: string): Promise<Tokens>;
}

export class SignInRefused extends Error {}
