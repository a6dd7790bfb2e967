// Short names for the insights dashboards' bodies, as the console and other frontends read
// them: each is the type generated from docs/openapi/insights.json, nothing written by hand.
import type { components } from "./insights.ts";

type Schemas = components["schemas"];

/**
 * A value resting on people's answers. Suppressed when too few answered: `value` is null and
 * `suppressed` true (with the reason); a suppressed value must never be shown as a number.
 */
export type Measured = Schemas["Measured"];
export type OrgDashboard = Schemas["OrgDashboard"];
export type OrgHeatmap = Schemas["OrgHeatmap"];
export type TeamDashboard = Schemas["TeamDashboard"];
/** One of the three series; narrow on `metric`. */
export type TeamTrends = Schemas["TeamTrends"];
export type TrendMetric = TeamTrends["metric"];
