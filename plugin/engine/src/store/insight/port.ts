import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import { dashboardFigures } from "./dashboard.ts";
import { tierShifts } from "./tier-preview.ts";

/** The admin's read-only figures: the dashboard and the tier preview. */
export function insightPort(db: Db) {
  return { dashboard: bind(db, dashboardFigures), tierShifts: bind(db, tierShifts) };
}

export type InsightPort = ReturnType<typeof insightPort>;
