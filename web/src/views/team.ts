// One team: its indices, the morale and participation trends, burnout-risk drivers with their
// contributions, collaboration components, the charter and its review, members and role
// history, and campaigns with participation.
import type { HuddleClients, Measured } from "../../../clients/typescript/src/index.ts";
import { need } from "../api.ts";
import { barChart, lineChart } from "../charts.ts";
import { h, section, table } from "../dom.ts";
import { TOO_FEW, day, measured, number, percent, words } from "../format.ts";

function figure(label: string, field: string, value: string, detail?: string): HTMLElement {
  return h(
    "div",
    { class: "figure" },
    h("dt", {}, label),
    h("dd", {}, h("span", { class: "figure-value", "data-field": field }, value), detail ? h("small", {}, detail) : null),
  );
}

/** user id -> display name, for the people of the organisation the caller may list. */
async function names(clients: HuddleClients): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const { data } = await clients.identity.GET("/v1/users", {
      params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } },
    });
    if (!data) break;
    for (const user of data.items) found.set(user.id, user.display_name ?? "Former member");
    if (!data.next_cursor) break;
    cursor = data.next_cursor;
  }
  return found;
}

export async function renderTeam(
  main: HTMLElement,
  clients: HuddleClients,
  teamId: string,
): Promise<void> {
  const path = { params: { path: { team_id: teamId } } };
  const [
    boardAnswer,
    trendAnswer,
    charterAnswer,
    membersAnswer,
    historyAnswer,
    campaignsAnswer,
    people,
  ] = await Promise.all([
      clients.insights.GET("/v1/teams/{team_id}/dashboard", path),
      clients.insights.GET("/v1/teams/{team_id}/trends", {
        params: { path: { team_id: teamId }, query: { metric: "morale" } },
      }),
      clients.teams.GET("/v1/teams/{team_id}/charter", path),
      clients.teams.GET("/v1/teams/{team_id}/members", {
        params: { path: { team_id: teamId }, query: { limit: 200 } },
      }),
      clients.teams.GET("/v1/teams/{team_id}/history", {
        params: { path: { team_id: teamId }, query: { limit: 200 } },
      }),
      clients.assessments.GET("/v1/campaigns", {
        params: { query: { team_id: teamId, limit: 200 } },
      }),
      names(clients),
    ]);
  const person = (userId: string) => people.get(userId) ?? userId;
  const board = need("the team dashboard", boardAnswer);
  const trend = need("the morale trend", trendAnswer);
  const members = need("the members", membersAnswer).items;
  const history = need("the team history", historyAnswer).items;
  const campaigns = need("the campaigns", campaignsAnswer).items;
  const charter = charterAnswer.data ?? null;

  const risk = board.burnout_risk;
  const figures = h(
    "dl",
    { class: "figures" },
    figure("Morale (0 to 100)", "morale", measured(board.morale), words(board.morale.level)),
    figure(
      "Collaboration (0 to 100)",
      "collaboration",
      number(board.collaboration.value),
      board.collaboration.structure_only ? "structure only" : words(board.collaboration.level),
    ),
    figure(
      "Burnout risk (0 to 100)",
      "burnout_risk",
      number(risk.value),
      risk.level ? `${words(risk.level)}, ${risk.confidence ?? "low"} confidence` : (risk.reason ?? undefined),
    ),
    figure(
      "Participation, latest campaign",
      "participation",
      percent(board.participation?.rate),
      board.participation
        ? `${board.participation.responded} of ${board.participation.eligible}`
        : undefined,
    ),
  );

  // Trends: morale by campaign (withheld points are gaps), participation by closed campaign.
  const moraleChart = h("div", { class: "chart", id: "chart-morale-trend" });
  const moraleTable = table(
    "Morale by campaign",
    ["Closed on", "Morale"],
    trend.points.map((p) => [p.date, h("span", { "data-trend-point": p.campaign_id }, measured(p))]),
    "morale-trend-table",
  );
  const closed = campaigns
    .filter((c) => c.closed_at)
    .sort((a, b) => String(a.closed_at).localeCompare(String(b.closed_at)));
  const participationChart = h("div", { class: "chart", id: "chart-participation-trend" });

  // Drivers: a withheld driver is listed with the words, and draws no bar.
  const driversChart = h("div", { class: "chart", id: "chart-drivers" });
  const driverText = (d: (typeof risk.drivers)[number]) =>
    d.contribution !== null
      ? number(d.contribution)
      : d.status === "suppressed"
        ? TOO_FEW
        : "no data yet";
  const driversTable = table(
    "Burnout-risk drivers: points contributed out of each driver's weight",
    ["Driver", "Contribution", "Weight", "Detail"],
    risk.drivers.map((d) => [
      words(d.driver),
      h("span", { "data-driver": d.driver }, driverText(d)),
      number(d.weight),
      d.detail,
    ]),
    "drivers-table",
  );

  const components = board.collaboration.components;
  const structure = components.structure;
  const componentRow = (name: string, m: Measured | null) => [
    name,
    h("span", { "data-component": name }, measured(m)),
  ];
  const componentsTable = table(
    "Collaboration components (0 to 100)",
    ["Component", "Value"],
    [
      componentRow("Psychological safety", components.psychological_safety),
      componentRow("Teamwork", components.teamwork),
      ["Structure (overall)", number(structure.score)],
      ["Interprofessional mix", number(structure.interprofessional_mix)],
      ["Charter completeness", number(structure.charter_completeness)],
      ["Charter freshness", number(structure.charter_freshness)],
      ["Membership stability", number(structure.membership_stability)],
    ],
    "components-table",
  );

  const charterPart = charter
    ? [
        h("p", {}, h("strong", {}, "Vision: "), charter.vision || "not written yet"),
        h(
          "p",
          { "data-field": "review_due" },
          `Next review due ${day(charter.next_review_due)}`,
          charter.review_overdue ? " (overdue)" : "",
          `; reviewed every ${charter.review_cadence_days} days.`,
        ),
        table(
          "Charter goals",
          ["Goal", "Measure", "Due", "Status"],
          charter.goals.map((g) => [g.title, g.measure, day(g.due_date), words(g.status)]),
        ),
      ]
    : [h("p", {}, "This team has no charter yet.")];

  main.replaceChildren(
    h("p", { class: "breadcrumb" }, h("a", { href: "#/" }, "Organisation overview")),
    h("h1", { tabindex: "-1" }, board.name),
    h("p", { class: "lede" }, `As of ${board.as_of}; ${board.roster.members} members.`),
    section("figures-heading", "Key figures", figures),
    section(
      "trends-heading",
      "Trends",
      h("h3", {}, "Morale"),
      moraleChart,
      moraleTable,
      h("h3", {}, "Participation"),
      participationChart,
    ),
    section(
      "drivers-heading",
      "Burnout-risk drivers",
      h("p", {}, risk.reason ?? "Each driver's points add up to the risk."),
      driversChart,
      driversTable,
    ),
    section("collaboration-heading", "Collaboration", componentsTable),
    section("charter-heading", "Charter", ...charterPart),
    section(
      "members-heading",
      "Members and role history",
      table(
        "Members",
        ["Member", "Team role", "Profession", "In role since"],
        members.map((m) => [person(m.user_id), words(m.role), words(m.profession), day(m.role_since)]),
        "members-table",
      ),
      table(
        "Role changes in the last year",
        ["Effective", "Member", "Change", "From", "To", "Reason"],
        board.role_changes.map((c) => [
          c.effective_date,
          person(c.user_id),
          words(c.change),
          words(c.from_role),
          words(c.to_role),
          c.reason ?? "",
        ]),
        "role-changes-table",
      ),
      table(
        "Team history",
        ["When", "What"],
        history.map((e) => [day(e.occurred_at), words(e.type.split(".").slice(-2, -1)[0])]),
      ),
    ),
    section(
      "campaigns-heading",
      "Campaigns",
      table(
        "Campaigns and participation",
        ["Campaign", "Status", "Closes", "Responded", "Participation"],
        campaigns.map((c) => [
          c.title,
          words(c.status),
          day(c.closes_at),
          `${c.participation.responded} of ${c.participation.eligible}`,
          h("span", { "data-campaign": c.id }, percent(c.participation.rate)),
        ]),
        "campaigns-table",
      ),
    ),
  );

  lineChart(
    moraleChart,
    `Morale by campaign: ${trend.points.map((p) => `${p.date} ${measured(p)}`).join("; ") || "no campaign yet"}.`,
    trend.points.map((p) => p.date),
    trend.points.map((p) => (p.suppressed ? null : p.value)),
    "Morale",
    100,
  );
  lineChart(
    participationChart,
    `Participation by closed campaign: ${closed.map((c) => `${day(c.closed_at)} ${percent(c.participation.rate)}`).join("; ") || "none closed yet"}.`,
    closed.map((c) => day(c.closed_at)),
    closed.map((c) => (c.participation.rate === null ? null : Math.round(c.participation.rate * 100))),
    "Per cent",
    100,
  );
  barChart(
    driversChart,
    `Burnout-risk drivers: ${risk.drivers.map((d) => `${words(d.driver)} ${driverText(d)}`).join("; ")}.`,
    risk.drivers.map((d) => words(d.driver)),
    risk.drivers.map((d) => d.contribution),
    "Points",
  );
}
