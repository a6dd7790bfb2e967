// Typed clients for the five Huddle services: openapi-fetch over the types that
// `npm run generate` writes from docs/openapi/<service>.json. Calls go by path and method
// (`client.GET("/v1/teams/{team_id}/dashboard", { params: { path: { team_id } } })`), so a
// renamed path, parameter or response field is a type error where it is used.
import createClient, { type Client, type Middleware } from "openapi-fetch";

import type * as assessments from "./assessments.ts";
import type * as identity from "./identity.ts";
import type * as insights from "./insights.ts";
import type * as integrations from "./integrations.ts";
import type * as teams from "./teams.ts";

export type { assessments, identity, insights, integrations, teams };
export * from "./dashboards.ts";

export type IdentityClient = Client<identity.paths>;
export type TeamsClient = Client<teams.paths>;
export type AssessmentsClient = Client<assessments.paths>;
export type InsightsClient = Client<insights.paths>;
export type IntegrationsClient = Client<integrations.paths>;

export interface HuddleClients {
  identity: IdentityClient;
  teams: TeamsClient;
  assessments: AssessmentsClient;
  insights: InsightsClient;
  integrations: IntegrationsClient;
}

export type ServiceName = keyof HuddleClients;
export const SERVICE_NAMES: readonly ServiceName[] = [
  "identity",
  "teams",
  "assessments",
  "insights",
  "integrations",
];

/** The body of a path's JSON answer with the given status (200 unless told). */
export type ResponseOf<
  Paths,
  P extends keyof Paths,
  M extends keyof Paths[P],
  S extends number = 200,
> = Paths[P][M] extends {
  responses: infer R;
}
  ? S extends keyof R
    ? R[S] extends { content: { "application/json": infer B } }
      ? B
      : never
    : never
  : never;

/**
 * Sends `Authorization: Bearer <token>` with every request while `token()` gives one. The
 * token is asked for on each request, so a refreshed token is used at once.
 */
export function bearerToken(token: () => string | null | undefined): Middleware {
  return {
    onRequest({ request }) {
      const value = token();
      if (value) request.headers.set("Authorization", `Bearer ${value}`);
      return request;
    },
  };
}

export interface ClientOptions {
  /** Where each service answers, e.g. `/api/teams` behind the console's proxy. */
  baseUrl: (service: ServiceName) => string;
  /** The current access token (or none), read on every request. */
  token?: () => string | null | undefined;
  fetch?: typeof globalThis.fetch;
  /** More middleware, after the bearer token (e.g. a refresh on 401). */
  middleware?: Middleware[];
}

/** One typed client per service, sharing the token source and middleware. */
export function createHuddleClients(options: ClientOptions): HuddleClients {
  function make<Paths extends {}>(service: ServiceName): Client<Paths> {
    const client = createClient<Paths>({
      baseUrl: options.baseUrl(service),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    if (options.token) client.use(bearerToken(options.token));
    for (const extra of options.middleware ?? []) client.use(extra);
    return client;
  }
  return {
    identity: make<identity.paths>("identity"),
    teams: make<teams.paths>("teams"),
    assessments: make<assessments.paths>("assessments"),
    insights: make<insights.paths>("insights"),
    integrations: make<integrations.paths>("integrations"),
  };
}
