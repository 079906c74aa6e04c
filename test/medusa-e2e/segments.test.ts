import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { call } from "./support/http.ts";
import { adminApi, outcomeOf } from "./support/kinship.ts";
import { type Shopper, signUp } from "./support/shopper.ts";
import { openTestStore, type TestStore } from "./support/store.ts";

/** @kinship/medusa keeping the `kinship-<segment>` and `kinship-tier-<tier>` customer groups from its maintenance job. */
describe("Segment groups in a Medusa store", () => {
  let store: TestStore;

  beforeAll(async () => {
    const base = new URL(inject("databaseUrl"));
    base.pathname = "/postgres";
    store = await openTestStore(base.toString(), "segments");
  }, 600_000);
  afterAll(async () => {
    await store?.stop();
  });

  /** What the insight pass writes, set by hand here: changed_at moves with the segment. */
  const setSegment = async (customerId: string, segment: string) => {
    const db = new pg.Client({ connectionString: store.databaseUrl });
    await db.connect();
    try {
      const r = await db.query(
        `INSERT INTO kinship_member_insight AS i (member_id, program_id, recency, frequency, monetary, segment, computed_at, changed_at)
         SELECT id, program_id, 4, 2, 3, $2, now(), now() FROM kinship_member WHERE customer_id = $1
         ON CONFLICT (member_id) DO UPDATE SET segment = excluded.segment, computed_at = excluded.computed_at,
           changed_at = CASE WHEN i.segment = excluded.segment THEN i.changed_at ELSE excluded.changed_at END`,
        [customerId, segment],
      );
      expect(r.rowCount).toBe(1);
    } finally {
      await db.end();
    }
  };
  const pushes = async () => {
    const db = new pg.Client({ connectionString: store.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        "SELECT member_id::text, labels, version::text, pushed_at FROM kinship_segment_push ORDER BY member_id",
      );
      return rows;
    } finally {
      await db.end();
    }
  };
  /** The customer's groups Kinship's segment sync or the merchant made (not the tier sync's "<Tier> tier"). */
  const groupsOf = async (customer: Shopper) => {
    const { customer: c } = await call<{ customer: { groups: { name: string }[] } }>(
      store.url,
      `/admin/customers/${customer.customerId}?fields=id,*groups`,
      { token: store.adminToken },
    );
    return c.groups
      .map((g) => g.name)
      .filter((n) => !n.endsWith(" tier"))
      .sort();
  };
  const maintain = () => call(store.url, "/admin/test-kinship-maintain", { token: store.adminToken, body: {} });
  const moved = () => [...store.log().matchAll(/segment groups for [^:]+: (\d+) customers moved/g)].map((m) => Number(m[1]));

  it("places members in their segment's and tier's groups, moves them when the segment changes, and a second run changes nothing", async () => {
    const admin = adminApi(store);
    const [ann, ben, cal] = [
      await signUp(store.url, store.seed, "ann@example.com"),
      await signUp(store.url, store.seed, "ben@example.com"),
      await signUp(store.url, store.seed, "cal@example.com"),
    ];
    if (!ann || !ben || !cal) throw new Error("sign-up failed");
    for (const c of [ann, ben, cal]) expect(await outcomeOf(store, `customer.created:${c.customerId}`)).toBe("applied");
    // The day's insight pass runs with the first maintenance; the segments are then set by hand.
    await maintain();
    expect(moved()).toEqual([]);

    const { data } = await admin("{ program { config } }");
    const tier = data.program.config.tiers[0].key as string;
    const updated = await admin("mutation U($c: JSON!) { updateProgram(config: $c) { version } }", {
      c: {
        ...data.program.config,
        segmentSync: { enabled: true, segments: ["champions", "at_risk", "lapsed"], tiers: true, tagPrefix: "kinship-", metafields: false },
      },
    });
    expect(updated.errors).toBeUndefined();
    // The merchant's own group, which Kinship never touches.
    const { customer_group: vip } = await call<{ customer_group: { id: string } }>(store.url, "/admin/customer-groups", {
      token: store.adminToken,
      body: { name: "VIP" },
    });
    await call(store.url, `/admin/customer-groups/${vip.id}/customers`, { token: store.adminToken, body: { add: [ann.customerId] } });
    await setSegment(ann.customerId, "champions");
    await setSegment(ben.customerId, "at_risk");
    await setSegment(cal.customerId, "loyal");

    await maintain();
    expect(await groupsOf(ann)).toEqual(["VIP", "kinship-champions", `kinship-tier-${tier}`]);
    expect(await groupsOf(ben)).toEqual(["kinship-at_risk", `kinship-tier-${tier}`]);
    // loyal is not pushed: only the tier's group.
    expect(await groupsOf(cal)).toEqual([`kinship-tier-${tier}`]);
    expect(moved()).toEqual([3]);

    await setSegment(ann.customerId, "lapsed");
    await maintain();
    expect(await groupsOf(ann)).toEqual(["VIP", "kinship-lapsed", `kinship-tier-${tier}`]);
    expect(await groupsOf(ben)).toEqual(["kinship-at_risk", `kinship-tier-${tier}`]);
    expect(moved()).toEqual([3, 1]);

    const before = await pushes();
    await maintain();
    expect(moved()).toEqual([3, 1]);
    expect(await pushes()).toEqual(before);
    expect(await groupsOf(ann)).toEqual(["VIP", "kinship-lapsed", `kinship-tier-${tier}`]);
    // One group per label, made once.
    const { customer_groups: groups } = await call<{ customer_groups: { name: string }[] }>(store.url, "/admin/customer-groups?limit=100", {
      token: store.adminToken,
    });
    expect(
      groups
        .map((g) => g.name)
        .filter((n) => n.startsWith("kinship-"))
        .sort(),
    ).toEqual(["kinship-at_risk", "kinship-champions", "kinship-lapsed", `kinship-tier-${tier}`]);
  }, 600_000);
});
