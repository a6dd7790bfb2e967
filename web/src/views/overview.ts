// The organisation overview: every team's indices and burnout risk, and the competency
// heatmap, each chart with its numbers in a table.
import type { HuddleClients, Measured } from "../../../clients/typescript/src/index.ts";
import { need } from "../api.ts";
import { barChart, heatmap } from "../charts.ts";
import { h, section, table } from "../dom.ts";
import { isShown, measured, number, percent, words } from "../format.ts";

const RISK_ORDER = ["high", "moderate", "low", "unknown"];

export async function renderOverview(
  main: HTMLElement,
  clients: HuddleClients,
  orgId: string,
): Promise<void> {
  const params = { params: { path: { org_id: orgId } } };
  const [dashboardAnswer, heatmapAnswer] = await Promise.all([
    clients.insights.GET("/v1/orgs/{org_id}/dashboard", params),
    clients.insights.GET("/v1/orgs/{org_id}/heatmap", params),
  ]);
  const board = need("the organisation dashboard", dashboardAnswer);
  const grid = need("the competency heatmap", heatmapAnswer);

  const byRisk = [...board.teams].sort(
    (a, b) => (b.burnout_risk.value ?? -1) - (a.burnout_risk.value ?? -1),
  );
  const teamsTable = table(
    "Teams by burnout risk, highest first",
    ["Team", "Burnout risk", "Level", "Morale", "Collaboration", "Participation"],
    byRisk.map((team) => [
      h("a", { href: `#/teams/${team.team_id}` }, team.name),
      h("span", { "data-team": team.team_id, "data-field": "burnout_risk" }, number(team.burnout_risk.value)),
      words(team.burnout_risk.level),
      h("span", { "data-team": team.team_id, "data-field": "morale" }, measured(team.morale)),
      h(
        "span",
        { "data-team": team.team_id, "data-field": "collaboration" },
        number(team.collaboration.value),
      ),
      h(
        "span",
        { "data-team": team.team_id, "data-field": "participation" },
        percent(team.participation?.rate),
      ),
    ]),
    "teams-by-risk",
  );
  const levels = Object.entries(board.organisation.teams_by_burnout_risk).sort(
    ([a], [b]) => RISK_ORDER.indexOf(a) - RISK_ORDER.indexOf(b),
  );
  const riskChart = h("div", { class: "chart", id: "chart-risk-levels" });

  const competencies = grid.competencies;
  const heatChart = h("div", { class: "chart chart-tall", id: "chart-heatmap" });
  const cell = (cells: Record<string, Measured>, c: string) => cells[c];
  const heatTable = table(
    "Relational Leadership competencies (mean, 1 to 5) by team",
    ["Team", ...competencies.map(words)],
    grid.teams.map((row) => [
      row.name,
      ...competencies.map((c) =>
        h("span", { "data-team": row.team_id, "data-competency": c }, measured(cell(row.cells, c))),
      ),
    ]),
    "heatmap-table",
  );

  main.replaceChildren(
    h("h1", { tabindex: "-1" }, "Organisation overview"),
    h(
      "p",
      { class: "lede" },
      `As of ${board.as_of}: ${board.organisation.teams} teams. Mean morale of the teams whose `,
      "morale is shown: ",
      h(
        "strong",
        { "data-field": "morale_mean_of_shown_teams" },
        number(board.organisation.morale_mean_of_shown_teams, "none shown yet"),
      ),
      ".",
    ),
    section("teams-heading", "Teams by burnout risk", riskChart, teamsTable),
    section(
      "heatmap-heading",
      "Competency heatmap",
      h(
        "p",
        {},
        "The latest Relational Leadership self-check of each team. A blank cell means too few ",
        "responses (or none yet): it is withheld, not zero.",
      ),
      heatChart,
      heatTable,
    ),
  );

  barChart(
    riskChart,
    `Teams by burnout-risk level: ${levels.map(([level, n]) => `${words(level)} ${n}`).join(", ")}.`,
    levels.map(([level]) => words(level)),
    levels.map(([, n]) => n),
    "Teams",
  );
  const rows = grid.teams.map((row) => row.name);
  const cells: [number, number, number | null][] = [];
  grid.teams.forEach((row, y) =>
    competencies.forEach((c, x) => {
      const m = cell(row.cells, c);
      cells.push([x, y, isShown(m) ? m.value : null]);
    }),
  );
  heatmap(
    heatChart,
    `Competency heatmap, ${rows.length} teams by ${competencies.length} competencies; ` +
      "the table below gives every value.",
    competencies.map(words),
    rows,
    cells,
  );
}
