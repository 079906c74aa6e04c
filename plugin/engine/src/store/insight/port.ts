import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import { dashboardFigures } from "./dashboard.ts";
import { memberInsight, segmentMembers } from "./members.ts";
import { refreshProgramInsight } from "./refresh.ts";
import { tierShifts } from "./tier-preview.ts";
import { insightViews } from "./views.ts";

/** The admin's read-only figures (the dashboard, the tier preview) and insight: RFM, segments and their views. */
export function insightPort(db: Db) {
  return {
    dashboard: bind(db, dashboardFigures),
    tierShifts: bind(db, tierShifts),
    /** Recomputes every member's scores and segment at `now` (the clock does it daily); audited when an actor is given. */
    refresh: bind(db, refreshProgramInsight),
    /** Segments, segment × tier, the 20/80, member vs non-member orders and tier migration over a period. */
    views: bind(db, insightViews),
    /** One member's insight; null when the customer is not a member. */
    member: bind(db, memberInsight),
    /** A segment's members, a keyset page at a time. */
    segment: bind(db, segmentMembers),
  };
}

export type InsightPort = ReturnType<typeof insightPort>;
