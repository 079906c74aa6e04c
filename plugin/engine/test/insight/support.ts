import { programConfig, rewards } from "../../../../test/support/program-fixture.ts";
import type { Engine } from "../../src/index.ts";
import { uniqueProgramKey } from "../support/backends.ts";
import { adjust, customerCreated, order, refund } from "../support/events.ts";

/** "Now" for the dashboard fixture: Wednesday 3 June 2026, 00:00 in Tokyo (UTC+9, the program's zone). */
export const NOW = new Date("2026-06-02T15:00:00Z");

/**
 * A Tokyo program (points expire 10 days after they are earned) whose last two weeks are known:
 * week 1 starts Monday 25 May 00:00 JST (24 May 15:00Z), week 2 Monday 1 June 00:00 JST (31 May 15:00Z).
 * Every input is applied at the instant it happened.
 *
 * dave — joined 1 May (customer.created), nothing since.
 * ada — order a1 100.00 on 20 May (made her a member; its 100 points expire 30 May, week 1); a3 50.00
 *   on 31 May 14:00Z (Sunday 23:00 JST: week 1); a2 600.00 on 31 May 16:00Z (Monday 01:00 JST: week 2),
 *   which takes her to Silver; redeems five-off (100) and ship (50); a second five-off is cancelled.
 * bob — b1 200.00 on 26 May (made him a member), refunded 50.00 on 2 June (50 points back), b2 30.00
 *   on 2 June (a member's order).
 * cara — +300 and −20 by hand on 1 June.
 * guests — g1 80.00 (27 May) and g2 120.00 (2 June); g1 delivered twice more (same key, another key).
 */
export async function seedDashboard(engine: Engine, prefix = "dash"): Promise<string> {
  const key = uniqueProgramKey(prefix);
  const config = programConfig({
    timezone: "Asia/Tokyo",
    expiry: { kind: "afterEarn", days: 10 },
    rewards: [rewards.fiveOffFor100Points, rewards.freeShippingFor50Points],
  });
  const created = await engine.createProgram({ key, platform: "custom", config, actor: "t", now: new Date("2026-04-01T00:00:00Z") });
  if (!created.ok) throw new Error(created.error.message);
  const at = (iso: string, input: Record<string, unknown>) => ({ iso, input });
  const timeline = [
    at("2026-05-01T00:00:00Z", customerCreated("dave", "2026-05-01T00:00:00Z")),
    at("2026-05-20T10:00:00Z", order("a1", "ada", "2026-05-20T10:00:00Z", [{ price: 10000 }])),
    at("2026-05-26T00:00:00Z", order("b1", "bob", "2026-05-26T00:00:00Z", [{ price: 20000 }])),
    at("2026-05-27T00:00:00Z", order("g1", null, "2026-05-27T00:00:00Z", [{ price: 8000 }])),
    at("2026-05-31T14:00:00Z", order("a3", "ada", "2026-05-31T14:00:00Z", [{ price: 5000 }])),
    at("2026-05-31T16:00:00Z", order("a2", "ada", "2026-05-31T16:00:00Z", [{ price: 60000 }])),
    at("2026-06-01T00:00:00Z", adjust("cara", 300, { reason: "welcome" })),
    at("2026-06-01T01:00:00Z", adjust("cara", -20, { reason: "correction" })),
    at("2026-06-02T00:00:00Z", refund("r1", "b1", "2026-06-02T00:00:00Z", { amount: 5000 })),
    at("2026-06-02T01:00:00Z", order("g2", null, "2026-06-02T01:00:00Z", [{ price: 12000 }])),
    at("2026-06-02T02:00:00Z", order("b2", "bob", "2026-06-02T02:00:00Z", [{ price: 3000 }])),
  ];
  for (const { iso, input } of timeline) {
    const applied = await engine.apply(key, input, new Date(iso));
    if (!applied.ok) throw new Error(`${iso}: ${applied.error.message}`);
  }
  // Redelivery of a guest order: the same delivery, then the same order under another key.
  const again = await engine.apply(key, order("g1", null, "2026-05-27T00:00:00Z", [{ price: 8000 }]), NOW);
  if (again.ok || again.error.code !== "AlreadyApplied") throw new Error("g1 redelivered was applied twice");
  const rekeyed = await engine.apply(key, order("g1", null, "2026-05-27T00:00:00Z", [{ price: 8000 }], { key: "g1-again" }), NOW);
  if (!rekeyed.ok) throw new Error(rekeyed.error.message);

  const redeem = async (rewardId: string, k: string, iso: string, outcome: "confirm" | "cancel") => {
    const now = new Date(iso);
    const reserved = await engine.redemptions.reserve({ program: key, customerId: "ada", rewardId, key: k, now });
    if (!reserved.ok) throw new Error(reserved.error.message);
    const settled =
      outcome === "confirm"
        ? await engine.redemptions.confirm({ program: key, key: k, now, code: `CODE-${k}`, platformRef: null })
        : await engine.redemptions.cancel({ program: key, key: k, now, error: "the platform refused" });
    if (!settled.ok) throw new Error(settled.error.message);
  };
  await redeem("five-off", "r-1", "2026-06-02T10:00:00Z", "confirm");
  await redeem("five-off", "r-2", "2026-06-02T11:00:00Z", "cancel");
  await redeem("ship", "r-3", "2026-06-02T12:00:00Z", "confirm");
  return key;
}
