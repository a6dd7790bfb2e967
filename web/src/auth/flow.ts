// How the console gets tokens. Sign-in is a flow behind this interface (identity's
// authorization-code flow with PKCE, src/auth/pkce.ts); the session (session.ts) keeps what it
// returns and the rest of the console never sees it.
export interface Tokens {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch milliseconds after which the access token is no longer accepted. */
  expiresAt: number;
}

export interface SignInFlow {
  /** Leaves the console for identity's sign-in page; resolves only if that fails to start. */
  start(): Promise<void>;
  /** Whether `url` is where identity sends the browser back (the redirect URI). */
  isCallback(url: URL): boolean;
  /** On the redirect URI: the tokens for identity's answer; throws SignInRefused. */
  finish(url: URL): Promise<Tokens>;
  /** A new pair for a refresh token (identity rotates it: the old one is spent). */
  refresh(refreshToken: string): Promise<Tokens>;
  /** Revokes a refresh token (and every one refreshed from the same sign-in). */
  revoke(refreshToken: string): Promise<void>;
}

/** A refusal with a message fit to show to the person. */
export class SignInRefused extends Error {}
