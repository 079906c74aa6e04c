import { type InfiniteData, keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type AdminApiError, isRetryable, toAdminApiError } from "./client.ts";
import { kinshipAdminKeys, useKinshipAdminClient } from "./hooks.ts";
import { referralsQuery, reviewReferralMutation } from "./operations.ts";
import { reviewNote } from "./referrals.ts";
import type { Referral, ReferralPage, ReferralStatus } from "./types.ts";

const retry = (failures: number, error: unknown) => isRetryable(error) && failures < 2;

export const REFERRALS_PAGE_SIZE = 50;

const referralKeys = (endpoint: ReturnType<typeof kinshipAdminKeys.all>) => [...endpoint, "referrals"] as const;

/** Referrals of one status (null: all), newest first, page by page; `data` is every row loaded so far. */
export function useReferrals(status: ReferralStatus | null, pageSize = REFERRALS_PAGE_SIZE) {
  const client = useKinshipAdminClient();
  return useInfiniteQuery({
    queryKey: [...referralKeys(kinshipAdminKeys.all(client)), status, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }): Promise<ReferralPage> =>
      client.request(referralsQuery, { status, first: pageSize, after: pageParam }, signal).then((d) => d.referrals),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.referrals),
    placeholderData: keepPreviousData,
    retry,
  });
}

/**
 * The owner's decision on a flagged referral. The answer replaces the row in every loaded list at
 * once (it stays where it is until the list reloads, so the row under the pointer does not jump),
 * then the lists and the referrer's member page are refreshed.
 */
export function useReviewReferral() {
  const client = useKinshipAdminClient();
  const queryClient = useQueryClient();
  const lists = referralKeys(kinshipAdminKeys.all(client));
  return useMutation({
    mutationFn: (input: { id: string; approve: boolean; note: string | null }) =>
      client.request(reviewReferralMutation, input).then((d) => d.reviewReferral),
    onSuccess: (referral) => {
      queryClient.setQueriesData<InfiniteData<ReferralPage>>({ queryKey: lists }, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => ({ ...p, referrals: p.referrals.map((r) => (r.id === referral.id ? referral : r)) })),
            }
          : data,
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: lists }),
        queryClient.invalidateQueries({ queryKey: kinshipAdminKeys.member(client, referral.referrerId) }),
        queryClient.invalidateQueries({ queryKey: kinshipAdminKeys.audit(client) }),
      ]);
    },
  });
}

/**
 * The review queue's state for either admin: each row's note as typed, the row being decided, and
 * each row's last error (a refused decision stays on its row).
 */
export function useReferralReview() {
  const review = useReviewReferral();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, AdminApiError | { code: "Note"; message: string }>>({});
  const [busy, setBusy] = useState<string | null>(null);
  return {
    note: (id: string) => notes[id] ?? "",
    setNote: (id: string, text: string) => setNotes((n) => ({ ...n, [id]: text })),
    error: (id: string) => errors[id] ?? null,
    busy,
    async decide(referral: Referral, approve: boolean): Promise<Referral | null> {
      const note = reviewNote(notes[referral.id] ?? "");
      if (!note.ok) {
        setErrors((e) => ({ ...e, [referral.id]: { code: "Note", message: note.message } }));
        return null;
      }
      setBusy(referral.id);
      setErrors(({ [referral.id]: _cleared, ...rest }) => rest);
      try {
        return await review.mutateAsync({ id: referral.id, approve, note: note.note });
      } catch (e) {
        setErrors((all) => ({ ...all, [referral.id]: toAdminApiError(e) }));
        return null;
      } finally {
        setBusy(null);
      }
    },
  };
}

export type ReferralReview = ReturnType<typeof useReferralReview>;
