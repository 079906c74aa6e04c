import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { isRetryable } from "./client.ts";
import { kinshipAdminKeys, useKinshipAdminClient } from "./hooks.ts";
import { IdempotencyKeys } from "./idempotency.ts";
import {
  dashboardQuery,
  deadLettersQuery,
  membersQuery,
  overrideTierMutation,
  replayDeadLettersMutation,
  tierPreviewQuery,
  tryRuleQuery,
} from "./operations.ts";
import type { EarnRule, Tier } from "./program-config.ts";
import type { Dashboard, MemberPage, MemberSort, TierPreview, TrialOrder } from "./types.ts";

/** Retries only when the API could not be reached; the engine's own answers are final. */
const retry = (failures: number, error: unknown) => isRetryable(error) && failures < 2;

export const MEMBERS_PAGE_SIZE = 50;

export interface MembersFilter {
  /** An email or name prefix, or a whole customer id; blank lists everyone. */
  search?: string;
  tier?: string | null;
  sort?: MemberSort;
}

/** The members list, page by page (`data` is every row loaded so far); a new filter keeps the last rows until its own arrive. */
export function useMembers(filter: MembersFilter, pageSize = MEMBERS_PAGE_SIZE) {
  const client = useKinshipAdminClient();
  const search = filter.search?.trim() || null;
  const tier = filter.tier || null;
  const sort = filter.sort ?? "POINTS_DESC";
  return useInfiniteQuery({
    queryKey: [...kinshipAdminKeys.all(client), "members", search, tier, sort, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }): Promise<MemberPage> =>
      client.request(membersQuery, { search, tier, sort, first: pageSize, after: pageParam }, signal).then((d) => d.members),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.members),
    placeholderData: keepPreviousData,
    retry,
  });
}

/** How many members a tier list would move; `tiers` null asks nothing (no change to preview). */
export function useTierPreview(tiers: Tier[] | null) {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: [...kinshipAdminKeys.all(client), "tier-preview", tiers],
    queryFn: ({ signal }): Promise<TierPreview> =>
      client.request(tierPreviewQuery, { tiers: tiers ?? [] }, signal).then((d) => d.tierPreview),
    enabled: tiers !== null,
    placeholderData: keepPreviousData,
    retry,
  });
}

/** Tries a rule on an order when asked (`mutate`): a question, not a write, so it is never cached. */
export function useTryRule() {
  const client = useKinshipAdminClient();
  return useMutation({
    mutationFn: (input: { rule: EarnRule; order: TrialOrder; tier?: string | null }) =>
      client.request(tryRuleQuery, input).then((d) => d.tryRule),
  });
}

export function useDashboard(weeks = 12) {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: [...kinshipAdminKeys.all(client), "dashboard", weeks],
    queryFn: ({ signal }): Promise<Dashboard> => client.request(dashboardQuery, { weeks }, signal).then((d) => d.dashboard),
    placeholderData: keepPreviousData,
    retry,
  });
}

export function useDeadLetters(first = 50) {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: [...kinshipAdminKeys.all(client), "dead-letters", first],
    queryFn: ({ signal }) => client.request(deadLettersQuery, { first }, signal).then((d) => d.deadLetters),
    retry,
  });
}

/** Puts dead letters back in line, then reloads the list. */
export function useReplayDeadLetters() {
  const client = useKinshipAdminClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => client.request(replayDeadLettersMutation, { ids }).then((d) => d.replayDeadLetters),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...kinshipAdminKeys.all(client), "dead-letters"] }),
  });
}

export interface OverrideTierInput {
  customerId: string;
  /** Null clears the override. */
  tier: string | null;
  /** ISO instant; null: no end date. */
  until: string | null;
  reason: string;
}

/** Sets or clears a member's tier override; a retried submit of the same form is applied once. */
export function useOverrideTier() {
  const client = useKinshipAdminClient();
  const queryClient = useQueryClient();
  const [keys] = useState(() => new IdempotencyKeys());
  return useMutation({
    mutationFn: (input: OverrideTierInput) =>
      client.request(overrideTierMutation, { ...input, idempotencyKey: keys.keyFor(input) }).then((d) => d.overrideTier),
    onSuccess: (member, input) => {
      keys.succeeded(input);
      queryClient.setQueryData(kinshipAdminKeys.memberSummary(client, input.customerId), member);
    },
    onSettled: (_member, _error, input) => queryClient.invalidateQueries({ queryKey: kinshipAdminKeys.member(client, input.customerId) }),
  });
}
