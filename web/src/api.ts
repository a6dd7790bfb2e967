// The console's clients: the generated, typed client of each service, reached through the
// same-origin proxy prefix /api/<service>/ (the dev stack's console server locally, nginx in
// production), with the session's bearer token on every request.
import {
  createHuddleClients,
  type HuddleClients,
  type ServiceName,
} from "../../clients/typescript/src/index.ts";
import type { Session } from "./auth/session.ts";

/** The console's root URL (where index.html is), without query or fragment. On the sign-in
 * callback page, `<base href="../">` makes it the same (vite.config.ts). */
export function consoleRoot(): string {
  return new URL("./", document.baseURI).href;
}

export function apiBase(service: ServiceName): string {
  return new URL(`api/${service}`, document.baseURI).toString();
}

export function clientsFor(session: Session): HuddleClients {
  return createHuddleClients({
    baseUrl: apiBase,
    token: () => session.accessToken,
    middleware: [session.middleware()],
  });
}

/** The data of an answer, or an Error naming what failed (shown, never swallowed). */
export function need<T>(
  what: string,
  answer: { data?: T; error?: unknown; response: Response },
): T {
  if (answer.data === undefined) {
    throw new Error(`Could not load ${what} (HTTP ${answer.response.status}).`);
  }
  return answer.data;
}
