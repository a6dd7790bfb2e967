// What the web console reads from the contract, in one place the type checker sees: a change
// to a path, a parameter or a dashboard field that the console relies on fails `npm run
// typecheck` here before it breaks the console (which is type-checked on its own too).
import {
  createHuddleClients,
  type OrgDashboard,
  type TeamDashboard,
  type TeamTrends,
} from "../src/index.ts";

const clients = createHuddleClients({
  baseUrl: (service) => `/api/${service}`,
  token: () => "access-token",
});

export async function signIn(username: string, password: string): Promise<string> {
  const { data, error } = await clients.identity.POST("/v1/auth/token", {
    body: { grant_type: "password", username, password },
    bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  if (error || !data) throw new Error("sign-in refused");
  const refresh: string | null | undefined = data.refresh_token;
  return `${data.access_token} ${data.expires_in} ${refresh ?? ""}`;
}

/** A suppressed value is words, never a number (and never zero). */
function shown(value: number | null, suppressed: boolean): string {
  return suppressed || value === null ? "too few responses" : value.toFixed(1);
}

export async function teamSummary(teamId: string): Promise<string[]> {
  const { data } = await clients.insights.GET("/v1/teams/{team_id}/dashboard", {
    params: { path: { team_id: teamId } },
  });
  if (!data) return [];
  const board: TeamDashboard = data;
  const lines = [
    `${board.name}: morale ${shown(board.morale.value, board.morale.suppressed)}`,
    `collaboration ${board.collaboration.value} (${board.collaboration.level})`,
    `burnout risk ${board.burnout_risk.value ?? "unavailable"} ${board.burnout_risk.level ?? ""}`,
  ];
  for (const driver of board.burnout_risk.drivers) {
    lines.push(`${driver.driver}: ${driver.contribution ?? driver.status} of ${driver.weight}`);
  }
  const structure = board.collaboration.components.structure;
  lines.push(`structure ${structure.score} mix ${structure.interprofessional_mix}`);
  const safety = board.collaboration.components.psychological_safety;
  if (safety) lines.push(`safety ${shown(safety.value, safety.suppressed)}`);
  if (board.participation) {
    lines.push(`${board.participation.responded}/${board.participation.eligible}`);
  }
  if (board.charter) {
    lines.push(`charter ${board.charter.completeness} overdue=${board.charter.overdue}`);
  }
  for (const change of board.role_changes) lines.push(`${change.change} ${change.effective_date}`);
  lines.push(`members ${board.roster.members}`);
  return lines;
}

export async function trend(teamId: string): Promise<(number | null)[]> {
  const { data } = await clients.insights.GET("/v1/teams/{team_id}/trends", {
    params: { path: { team_id: teamId }, query: { metric: "morale" } },
  });
  const trends: TeamTrends | undefined = data;
  return trends ? trends.points.map((p) => (p.suppressed ? null : p.value)) : [];
}

export async function organisation(orgId: string): Promise<Record<string, number>> {
  const { data } = await clients.insights.GET("/v1/orgs/{org_id}/dashboard", {
    params: { path: { org_id: orgId } },
  });
  if (!data) return {};
  const board: OrgDashboard = data;
  const risk: Record<string, number> = {};
  for (const team of board.teams) risk[team.team_id] = team.burnout_risk.value ?? -1;
  return { ...risk, teams: board.organisation.teams };
}

export async function charterAndPeople(teamId: string): Promise<string[]> {
  const charter = await clients.teams.GET("/v1/teams/{team_id}/charter", {
    params: { path: { team_id: teamId } },
  });
  const members = await clients.teams.GET("/v1/teams/{team_id}/members", {
    params: { path: { team_id: teamId }, query: { limit: 200 } },
  });
  const campaigns = await clients.assessments.GET("/v1/campaigns", {
    params: { query: { team_id: teamId, limit: 200 } },
  });
  return [
    charter.data?.next_review_due ?? "no review due",
    ...(members.data?.items ?? []).map((m) => `${m.user_id} ${m.role} since ${m.role_since}`),
    ...(campaigns.data?.items ?? []).map((c) => `${c.title} ${c.participation.rate ?? "-"}`),
  ];
}
