import { useQuery } from "@tanstack/react-query";
import { isRetryable } from "./client.ts";
import { kinshipAdminKeys, useKinshipAdminClient } from "./hooks.ts";
import { memberExtrasQuery, membershipSummaryQuery, plansQuery } from "./operations.ts";
import type { MemberExtras, MembershipSummary, PlanStats } from "./types.ts";

const retry = (failures: number, error: unknown) => isRetryable(error) && failures < 2;

/** The member page's membership, badges, stamp cards and referrals; null when the customer is not a member. */
export function useMemberExtras(customerId: string, referrals = 20) {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: [...kinshipAdminKeys.member(client, customerId), "extras", referrals],
    queryFn: ({ signal }): Promise<MemberExtras | null> =>
      client.request(memberExtrasQuery, { customerId, referrals }, signal).then((d) => d.member),
    retry,
  });
}

/** Every plan with its members per status (under the program's key: a saved config refreshes it). */
export function usePlanStats() {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: [...kinshipAdminKeys.program(client), "plans"],
    queryFn: ({ signal }): Promise<PlanStats[]> => client.request(plansQuery, {}, signal).then((d) => d.plans),
    retry,
  });
}

/** The share of paying members whose value realised this period exceeds their fee. */
export function useMembershipSummary() {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: [...kinshipAdminKeys.all(client), "dashboard", "membership"],
    queryFn: ({ signal }): Promise<MembershipSummary> =>
      client.request(membershipSummaryQuery, {}, signal).then((d) => d.dashboard.membership),
    retry,
  });
}
