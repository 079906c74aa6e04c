import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isRetryable } from "./client.ts";
import type {
  KinshipAdminInsightFieldsFragment,
  KinshipAdminMemberInsightFieldsFragment,
  KinshipAdminMembersInSegmentQuery,
  Segment,
} from "./generated/graphql.ts";
import { kinshipAdminKeys, useKinshipAdminClient } from "./hooks.ts";
import { insightQuery, memberInsightQuery, membersInSegmentQuery, refreshInsightMutation } from "./insight-operations.ts";
import { toBigInt } from "./long.ts";

export type Insight = KinshipAdminInsightFieldsFragment;
export type MemberInsight = KinshipAdminMemberInsightFieldsFragment;
export type MemberInsightPage = KinshipAdminMembersInSegmentQuery["membersInSegment"];
export type TierMigration = Insight["tierMigration"][number];
export type { Segment };

const retry = (failures: number, error: unknown) => isRetryable(error) && failures < 2;

/** The segments in the order the screens list them, best first, with what each means. */
export const SEGMENTS: { segment: Segment; label: string; description: string }[] = [
  { segment: "CHAMPIONS", label: "Champions", description: "Bought recently, often, and spent the most." },
  { segment: "LOYAL", label: "Loyal", description: "Buy often." },
  { segment: "NEW", label: "New", description: "First order in the last 30 days, or joined then with at most one order." },
  { segment: "REGULAR", label: "Regular", description: "Everyone else, and members with no order." },
  { segment: "AT_RISK", label: "At risk", description: "Used to buy often or much, not lately." },
  { segment: "LAPSED", label: "Lapsed", description: "No order for a year, or among the least recent fifth." },
];

export function segmentLabel(segment: Segment | string): string {
  return SEGMENTS.find((s) => s.segment === segment)?.label ?? segment;
}

export function segmentDescription(segment: Segment | string): string {
  return SEGMENTS.find((s) => s.segment === segment)?.description ?? "";
}

const insightKey = (client: Parameters<typeof kinshipAdminKeys.all>[0]) => [...kinshipAdminKeys.all(client), "insight"] as const;

/** The program's insight over [from, to) (ISO instants; both null: the engine's default, the last 12 months). */
export function useInsight(range: { from: string | null; to: string | null } = { from: null, to: null }) {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: [...insightKey(client), "program", range.from, range.to],
    queryFn: ({ signal }): Promise<Insight> => client.request(insightQuery, range, signal).then((d) => d.insight),
    placeholderData: keepPreviousData,
    retry,
  });
}

/** A member's RFM scores and segment; null when the customer is not a member. */
export function useMemberInsight(customerId: string) {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: [...insightKey(client), "member", customerId],
    queryFn: ({ signal }): Promise<MemberInsight | null> =>
      client.request(memberInsightQuery, { customerId }, signal).then((d) => d.memberInsight),
    retry,
  });
}

export const SEGMENT_PAGE_SIZE = 25;

/** One segment's members, a page at a time: `data` is every member loaded so far. */
export function useMembersInSegment(segment: Segment, pageSize = SEGMENT_PAGE_SIZE) {
  const client = useKinshipAdminClient();
  return useInfiniteQuery({
    queryKey: [...insightKey(client), "segment", segment, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }): Promise<MemberInsightPage> =>
      client.request(membersInSegmentQuery, { segment, first: pageSize, after: pageParam }, signal).then((d) => d.membersInSegment),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.members),
    placeholderData: keepPreviousData,
    retry,
  });
}

/** Recomputes every member's segment now; then every insight on screen (program, members, lists) is asked again. */
export function useRefreshInsight() {
  const client = useKinshipAdminClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.request(refreshInsightMutation, {}).then((d) => d.refreshInsight),
    onSettled: () => queryClient.invalidateQueries({ queryKey: insightKey(client) }),
  });
}

/** Members per tier and segment, a row per tier (in `tiers` order, then any other the engine names) and a column per segment. */
export function segmentByTier(
  byTier: Insight["byTier"],
  tiers: { key: string; name: string }[],
): { tier: string; name: string; counts: Record<Segment, number>; total: number }[] {
  const keys = [...tiers.map((t) => t.key), ...byTier.map((c) => c.tier).filter((k) => !tiers.some((t) => t.key === k))];
  return [...new Set(keys)]
    .map((key) => {
      const counts = Object.fromEntries(SEGMENTS.map((s) => [s.segment, 0])) as Record<Segment, number>;
      for (const c of byTier) if (c.tier === key) counts[c.segment] += c.members;
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return { tier: key, name: tiers.find((t) => t.key === key)?.name ?? key, counts, total };
    })
    .filter((row) => row.total > 0 || tiers.some((t) => t.key === row.tier));
}

/** The segments in screen order, with zero for those the engine left out. */
export function segmentRows(segments: Insight["segments"]): { segment: Segment; label: string; members: number; sales: string }[] {
  return SEGMENTS.map((s) => {
    const found = segments.find((x) => x.segment === s.segment);
    return { segment: s.segment, label: s.label, members: found?.members ?? 0, sales: found ? String(toBigInt(found.sales)) : "0" };
  });
}

/** The segment a screen lists first: the best one that has members (Champions when none has). */
export function firstSegmentWithMembers(segments: Insight["segments"] | undefined): Segment {
  return SEGMENTS.find((s) => segments?.some((x) => x.segment === s.segment && x.members > 0))?.segment ?? "CHAMPIONS";
}

/** "Silver → Gold", with the tiers' names where the program still has them. */
export function moveLabel(move: Pick<TierMigration, "from" | "to">, tiers: { key: string; name: string }[]): string {
  const name = (key: string) => tiers.find((t) => t.key === key)?.name ?? key;
  return `${name(move.from)} → ${name(move.to)}`;
}

/** "R 5 · F 4 · M 3", or "No orders" when the member has none scored. */
export function rfmText(m: Pick<MemberInsight, "recency" | "frequency" | "monetary">): string {
  if (m.recency === null && m.frequency === null && m.monetary === null) return "No orders";
  const part = (s: number | null) => (s === null ? "–" : String(s));
  return `R ${part(m.recency)} · F ${part(m.frequency)} · M ${part(m.monetary)}`;
}
