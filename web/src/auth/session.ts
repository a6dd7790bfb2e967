// The signed-in session. The access token lives in memory only; the refresh token is kept in
// sessionStorage (this tab, until it closes) so that a reload does not sign the person out.
// Nothing goes to localStorage or cookies. The access token is refreshed a minute before it
// expires, and once more when a request answers 401. Signing out revokes the refresh token.
import type { Middleware } from "openapi-fetch";

import type { SignInFlow, Tokens } from "./flow.ts";

const REFRESH_KEY = "huddle.console.refresh";
const EARLY_MS = 60_000;

export class Session {
  private tokens: Tokens | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private refreshing: Promise<boolean> | null = null;
  private flow: SignInFlow | null = null;
  /** Bumped whenever the session is forgotten, so a refresh under way then is not kept. */
  private generation = 0;

  constructor(
    private readonly onSignedOut: () => void,
    private readonly storage: Storage = window.sessionStorage,
  ) {}

  use(flow: SignInFlow): void {
    this.flow = flow;
  }

  get accessToken(): string | null {
    return this.tokens?.accessToken ?? null;
  }

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  /** Leaves for identity's sign-in page. */
  signIn(): Promise<void> {
    return this.requireFlow().start();
  }

  /** Whether the page is identity's answer to a sign-in (the redirect URI). */
  isCallback(url: URL): boolean {
    return this.requireFlow().isCallback(url);
  }

  /** On the redirect URI: the tokens for identity's answer; throws SignInRefused. */
  async finishSignIn(url: URL): Promise<void> {
    this.keep(await this.requireFlow().finish(url));
  }

  /** Resume from the tab's refresh token, if there is one; false when there is none. */
  async resume(): Promise<boolean> {
    if (this.tokens) return true;
    return this.refresh();
  }

  /** Revokes the refresh token at identity, then forgets the session. False when identity
   * could not be told (the token then lasts until it expires). */
  async signOut(): Promise<boolean> {
    const refreshToken = this.tokens?.refreshToken ?? this.storage.getItem(REFRESH_KEY);
    this.forget();
    let revoked = true;
    if (refreshToken) {
      revoked = await this.requireFlow()
        .revoke(refreshToken)
        .then(
          () => true,
          () => false,
        );
    }
    this.onSignedOut();
    return revoked;
  }

  /** Retries a GET once with a refreshed token when it answers 401. */
  middleware(): Middleware {
    return {
      onResponse: async ({ request, response }) => {
        if (response.status !== 401 || request.method !== "GET") return response;
        if (!(await this.refresh())) {
          this.end();
          return response;
        }
        const retry = new Request(request);
        retry.headers.set("Authorization", `Bearer ${this.accessToken ?? ""}`);
        return fetch(retry);
      },
    };
  }

  private refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.refreshOnce().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async refreshOnce(): Promise<boolean> {
    const refreshToken = this.tokens?.refreshToken ?? this.storage.getItem(REFRESH_KEY);
    if (!refreshToken) return false;
    const generation = this.generation;
    try {
      const tokens = await this.requireFlow().refresh(refreshToken);
      if (generation !== this.generation) return false; // signed out meanwhile
      this.keep(tokens);
      return true;
    } catch {
      if (generation === this.generation) this.forget();
      return false;
    }
  }

  /** The session ended by itself (a refresh refused): forgotten, nothing to revoke. */
  private end(): void {
    this.forget();
    this.onSignedOut();
  }

  private forget(): void {
    this.generation += 1;
    this.tokens = null;
    this.storage.removeItem(REFRESH_KEY);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private keep(tokens: Tokens): void {
    this.tokens = tokens;
    if (tokens.refreshToken) this.storage.setItem(REFRESH_KEY, tokens.refreshToken);
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(tokens.expiresAt - Date.now() - EARLY_MS, 5_000);
    this.timer = setTimeout(() => {
      void this.refresh().then((ok) => ok || this.end());
    }, wait);
  }

  private requireFlow(): SignInFlow {
    if (!this.flow) throw new Error("no sign-in flow configured");
    return this.flow;
  }
}
