// The signed-in session. The access token lives in memory only; the refresh token is kept in
// sessionStorage (this tab, until it closes) so that a reload does not sign the person out.
// Nothing goes to localStorage or cookies. The access token is refreshed a minute before it
// expires, and once more when a request answers 401.
import type { Middleware } from "openapi-fetch";

import type { SignInFlow, Tokens } from "./flow.ts";

const REFRESH_KEY = "huddle.console.refresh";
const EARLY_MS = 60_000;

export class Session {
  private tokens: Tokens | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private refreshing: Promise<boolean> | null = null;
  private flow: SignInFlow | null = null;

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

  async signIn(username: string, password: string): Promise<void> {
    this.keep(await this.requireFlow().signIn({ username, password }));
  }

  /** Resume from the tab's refresh token, if there is one; false when there is none. */
  async resume(): Promise<boolean> {
    if (this.tokens) return true;
    return this.refresh();
  }

  signOut(): void {
    this.tokens = null;
    this.storage.removeItem(REFRESH_KEY);
    if (this.timer) clearTimeout(this.timer);
    this.onSignedOut();
  }

  /** Retries a GET once with a refreshed token when it answers 401. */
  middleware(): Middleware {
    return {
      onResponse: async ({ request, response }) => {
        if (response.status !== 401 || request.method !== "GET") return response;
        if (!(await this.refresh())) {
          this.signOut();
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
    try {
      this.keep(await this.requireFlow().refresh(refreshToken));
      return true;
    } catch {
      this.tokens = null;
      this.storage.removeItem(REFRESH_KEY);
      return false;
    }
  }

  private keep(tokens: Tokens): void {
    this.tokens = tokens;
    if (tokens.refreshToken) this.storage.setItem(REFRESH_KEY, tokens.refreshToken);
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(tokens.expiresAt - Date.now() - EARLY_MS, 5_000);
    this.timer = setTimeout(() => {
      void this.refresh().then((ok) => ok || this.signOut());
    }, wait);
  }

  private requireFlow(): SignInFlow {
    if (!this.flow) throw new Error("no sign-in flow configured");
    return this.flow;
  }
}
