import type { MembershipView, ProgramConfig, TierSource } from "../core/index.ts";
import type { ExpiringPoints } from "../store/ledger/expiring.ts";
import type { MemberView } from "../store/members/members.ts";

/** What the `Member` type (and the shared part of `AdminMember`) answers. */
export interface MemberNode {
  customerId: string;
  tier: { key: string; name: string; threshold: number; badge: { label: string; color: string; icon: string | null } | null };
  points: { available: number; pending: number; expiringSoon: () => Promise<ExpiringPoints[]> };
  growth: number;
  nextTier: { key: string; name: string; remaining: number } | null;
  tierSource: TierSource;
  /** Resolved to the API's Membership (with its value) by graphql/membership.ts. */
  membership: MembershipView | null;
}

/** A member for the API; expiringSoon is read only when a client asks for it. */
export function memberNode(view: MemberView, config: ProgramConfig, expiringSoon: () => Promise<ExpiringPoints[]>): MemberNode {
  const tier = config.tiers.find((t) => t.key === view.tier.key);
  return {
    customerId: view.customerId,
    tier: {
      key: view.tier.key,
      name: view.tier.name,
      threshold: tier?.threshold ?? 0,
      badge: tier?.badge ? { label: tier.badge.label, color: tier.badge.color, icon: tier.badge.icon ?? null } : null,
    },
    points: { available: view.points.available, pending: view.points.pending, expiringSoon },
    growth: view.growth,
    nextTier: view.nextTier,
    tierSource: view.tierSource,
    membership: view.membership,
  };
}
