import {
  KinshipAdminInsightDocument,
  KinshipAdminMemberInsightDocument,
  KinshipAdminMembersInSegmentDocument,
  KinshipAdminRefreshInsightDocument,
} from "./generated/graphql.ts";
import { operation } from "./operation.ts";

/** Segments, the 20/80 view, members against non-members and tier migration over [from, to) (default the last 12 months). */
export const insightQuery = operation("KinshipAdminInsight", KinshipAdminInsightDocument);

/** A member's RFM scores and segment; null when the customer is not a member. */
export const memberInsightQuery = operation("KinshipAdminMemberInsight", KinshipAdminMemberInsightDocument);

/** The members of one segment, a page at a time (`nextCursor` as `after`). */
export const membersInSegmentQuery = operation("KinshipAdminMembersInSegment", KinshipAdminMembersInSegmentDocument);

/** Recomputes every member's scores and segment now (audited); answers the fresh insight. */
export const refreshInsightMutation = operation("KinshipAdminRefreshInsight", KinshipAdminRefreshInsightDocument);

export const insightOperations = [insightQuery, memberInsightQuery, membersInSegmentQuery, refreshInsightMutation] as const;
