import { batcher } from "./batcher.ts";
import { errorCode } from "./errors.ts";
import { type MemberExtras, memberExtras } from "./member-session.ts";
import { CLAIM_PERK_MUTATION, MAX_VARIANTS, ME_QUERY, PERKS_QUERY, PRICES_QUERY, REDEEM_MUTATION, REWARDS_QUERY } from "./queries.ts";
import type { SnapshotStore } from "./snapshot.ts";
import type { GraphQLRequest, Loaded, Member, MemberPrice, Perk, PerkCode, Redemption, Reward } from "./types.ts";

/**
 * One shopper's view of the API, shared by every widget on the page: `me` is asked once, member
 * prices are batched per tick, and the last good answers come back (stale) when a call fails.
 */
export interface Session {
  me(): Promise<Loaded<Member | null>>;
  /** Null: no member price data for this variant (unknown to Kinship): show the base price. */
  price(variantId: string): Promise<Loaded<MemberPrice | null>>;
  rewards(): Promise<Loaded<Reward[]>>;
  /**
   * One redemption attempt under `idempotencyKey` (default: a new one). When no answer comes, or
   * the server is still finishing an earlier request of this attempt, it is sent again with the
   * same key, so the attempt spends once and yields one code however often it is sent.
   */
  redeem(rewardId: string, idempotencyKey?: string): Promise<Redemption>;
  /** Forget `me`, prices and rewards (after a redemption) and tell the subscribers to ask again. */
  refresh(): void;
  subscribe(listener: () => void): () => void;
  /** Grows with every refresh. */
  version(): number;
}

export interface SessionOptions {
  request: GraphQLRequest;
  snapshot: SnapshotStore;
  /** The customer the snapshot belongs to ("guest" for guests); undefined: keep no snapshot. */
  customer: string | undefined;
}

const fresh = <T>(value: T): Loaded<T> => ({ value, stale: false });

/** A redemption is sent again, with its key, this many times: after RETRY_MS, then twice that. */
export const REDEEM_RETRIES = 2;
export const RETRY_MS = 500;
/** Outcomes a resend with the same key may settle: no answer, the first request still running, a server fault. */
const RETRY_ON = [undefined, "RedemptionInProgress", "INTERNAL_SERVER_ERROR"];

export function createSession({ request, snapshot, customer }: SessionOptions): Session {
  const listeners = new Set<() => void>();
  let version = 0;
  let me: Promise<Loaded<Member | null>> | undefined;
  let rewards: Promise<Loaded<Reward[]>> | undefined;
  let prices = pricesBatcher();

  function fallback<T>(pick: (s: ReturnType<SnapshotStore["read"]>) => T | undefined) {
    return (error: unknown): Loaded<T> => {
      const kept = pick(snapshot.read());
      if (kept === undefined) throw error;
      return { value: kept, stale: true };
    };
  }

  function pricesBatcher() {
    return batcher(async (ids) => {
      const data = await request<{ memberPrices: MemberPrice[] }>(PRICES_QUERY, { ids });
      const found = new Map(data.memberPrices.map((p) => [p.variantId, p]));
      snapshot.write({ prices: Object.fromEntries(found) });
      return found;
    }, MAX_VARIANTS);
  }

  return {
    me() {
      me ??= request<{ me: Member | null }>(ME_QUERY).then(
        (data) => {
          // Never file one shopper's answer under another's key (e.g. a token-less app proxy call).
          if (data.me ? data.me.customerId === customer : customer === "guest") snapshot.write({ me: data.me });
          return fresh(data.me);
        },
        fallback((s) => s.me),
      );
      return me;
    },
    price(variantId) {
      return prices(variantId).then(
        (p) => fresh(p ?? null),
        fallback((s) => s.prices?.[variantId]),
      );
    },
    rewards() {
      rewards ??= request<{ rewards: Reward[] }>(REWARDS_QUERY).then(
        (data) => {
          snapshot.write({ rewards: data.rewards });
          return fresh(data.rewards);
        },
        fallback((s) => s.rewards),
      );
      return rewards;
    },
    redeem(rewardId, idempotencyKey) {
      const send = (key: string, retries: number): Promise<Redemption> =>
        request<{ redeem: Redemption }>(REDEEM_MUTATION, { id: rewardId, key }).then(
          (data) => data.redeem,
          (error: unknown) => {
            if (retries < 1 || !RETRY_ON.includes(errorCode(error))) throw error;
            return new Promise((wait) => setTimeout(wait, RETRY_MS * (REDEEM_RETRIES + 1 - retries))).then(() => send(key, retries - 1));
          },
        );
      // The key is made inside the chain: a browser without randomUUID (an insecure context) ends in the failure path.
      return Promise.resolve().then(() => send(idempotencyKey || crypto.randomUUID(), REDEEM_RETRIES));
    },
    refresh() {
      me = rewards = undefined;
      prices = pricesBatcher();
      version++;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
  };
}

/** The session plus partner perks, membership, campaigns and referrals: what the React widgets and the launcher use. */
export interface PerksSession extends Session, Omit<MemberExtras, "reset"> {
  perks(): Promise<Loaded<Perk[]>>;
  /** One `idempotencyKey` per claim attempt: the same key (a retried request) gets the same code. */
  claimPerk(partner: string, idempotencyKey: string): Promise<PerkCode>;
  /** Also forgets the perks, membership, campaigns and referrals. */
  refresh(): void;
}

/**
 * Outside `createSession` so that the theme embed, which has no perks widget and a size budget,
 * leaves all of this out of its bundle.
 */
export function createPerksSession(options: SessionOptions): PerksSession {
  const { request, snapshot, customer } = options;
  const session = createSession(options);
  const { reset, ...extras } = memberExtras(request);
  let perks: Promise<Loaded<Perk[]>> | undefined;
  return {
    ...session,
    ...extras,
    perks() {
      perks ??= request<{ me: { customerId: string } | null; perks: Perk[] }>(PERKS_QUERY).then(
        (data) => {
          // Claimed codes are the shopper's own: keep them under no one else's key (as with `me`).
          if ((data.me?.customerId ?? "guest") === customer) snapshot.write({ perks: data.perks });
          return fresh(data.perks);
        },
        // createSession's `fallback`, repeated: sharing it would add bytes to the embed.
        (error: unknown): Loaded<Perk[]> => {
          const kept = snapshot.read().perks;
          if (kept === undefined) throw error;
          return { value: kept, stale: true };
        },
      );
      return perks;
    },
    claimPerk(partner, idempotencyKey) {
      return request<{ claimPerk: PerkCode }>(CLAIM_PERK_MUTATION, { partner, key: idempotencyKey }).then((data) => data.claimPerk);
    },
    refresh() {
      perks = undefined;
      reset();
      session.refresh();
    },
  };
}
