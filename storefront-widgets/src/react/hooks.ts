import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { type CartReferral, cartReferral, type Referral } from "../core/referral.ts";
import type { CampaignsData, Loaded, Member, MemberPrice, MembershipData, Perk, ReferralData, Reward } from "../core/types.ts";
import { useKinship } from "./context.tsx";

/** loading: nothing yet (also on the server); error: the API failed and no snapshot exists. */
export type Remote<T> = { status: "loading" } | { status: "error" } | ({ status: "ready" } & Loaded<T>);

const LOADING = { status: "loading" } as const;

/**
 * Loads in an effect (never while rendering, so server markup is the placeholder), again after
 * every session refresh (keeping the previous answer meanwhile), and afresh when `key` changes.
 */
function useRemote<T>(key: string, load: () => Promise<Loaded<T>>): Remote<T> {
  const { session } = useKinship();
  const version = useSyncExternalStore(session.subscribe, session.version, () => 0);
  const [state, setState] = useState<{ key: string; remote: Remote<T> }>({ key, remote: LOADING });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` reads; a new session or version reloads.
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => live && setState({ key, remote: { status: "ready", ...loaded } }),
      () => live && setState((s) => (s.key === key && s.remote.status === "ready" ? s : { key, remote: { status: "error" } })),
    );
    return () => {
      live = false;
    };
  }, [session, version, key]);
  return state.key === key ? state.remote : LOADING;
}

export function useMe(): Remote<Member | null> {
  const { session } = useKinship();
  return useRemote("me", () => session.me());
}

export function useMemberPrice(variantId: string): Remote<MemberPrice | null> {
  const { session } = useKinship();
  return useRemote(variantId, () => session.price(variantId));
}

export function useRewards(): Remote<Reward[]> {
  const { session } = useKinship();
  return useRemote("rewards", () => session.rewards());
}

export function usePerks(): Remote<Perk[]> {
  const { session } = useKinship();
  return useRemote("perks", () => session.perks());
}

const fresh = <T>(p: Promise<T>): Promise<Loaded<T>> => p.then((value) => ({ value, stale: false }));

/** The member's plan and value realised, and the plans on sale. */
export function useMembership(): Remote<MembershipData> {
  const { session } = useKinship();
  return useRemote("membership", () => fresh(session.membership()));
}

/** Earned badges, stamp cards and the birthday. */
export function useCampaigns(): Remote<CampaignsData> {
  const { session } = useKinship();
  return useRemote("campaigns", () => fresh(session.campaigns()));
}

/** The member's referral code, link and counts, and the offer. */
export function useReferrals(): Remote<ReferralData> {
  const { session } = useKinship();
  return useRemote("referrals", () => fresh(session.referral()));
}

export interface UseReferral extends Referral {
  /** What to put on a cart: `metadata` on Medusa (`kinship_ref`, `kinship_device`), attributes on Shopify. */
  cartMetadata: CartReferral;
}

/** The referral captured in this browser (`?ref=` and the device id), for a headless cart. */
export function useReferral(): UseReferral {
  const { referral } = useKinship();
  return useMemo(() => ({ ...referral, cartMetadata: cartReferral(referral) }), [referral]);
}
