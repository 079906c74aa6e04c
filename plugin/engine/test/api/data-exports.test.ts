import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import { type Engine, executeAdmin } from "../../src/index.ts";
import { must, ORDER_AT, REFERRER_DEVICE, REFERRER_IP, refereeOrder, referralProgram, referrer } from "../referrals/support.ts";
import { openTestEngine } from "../support/backends.ts";
import { codeOf, field, json } from "./support.ts";

const NOW = new Date("2026-04-01T12:00:00Z");
const LATER = new Date("2026-04-02T12:00:00Z");
const EXPORT = `mutation Export($customerId: ID!, $key: String!) {
  exportMemberData(customerId: $customerId, idempotencyKey: $key) { id customerId requestRef createdAt data } }`;
const LIST = `query List($customerId: ID, $first: Int) { dataExports(customerId: $customerId, first: $first) { id customerId requestRef createdAt } }`;
const ONE = `query One($id: ID!) { dataExport(id: $id) { id customerId requestRef createdAt data } }`;

interface Made {
  id: string;
  customerId: string;
  requestRef: string | null;
  createdAt: string;
  data: Record<string, unknown> & {
    member: { customerId: string; points: { available: number } };
    orders: string[];
    ledger: unknown[];
    referrals: { code: string | null; made: { status: string }[]; referredBy: unknown; sessions: { kind: string; value: string }[] };
    campaigns: { badges: unknown[] };
    insight: { segment: string; lifetimeValue: number } | null;
  };
}

describe("data exports in the admin API", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
  });
  afterAll(() => engine.close());

  const admin = (program: string, now = NOW) => ({
    ask: (query: string, variables?: Record<string, unknown>) =>
      executeAdmin(engine, { program, actor: "owner@example.com", now }, { query, variables }),
  });

  /** ada (a referrer with an order, a session and a code) and bob (her referee). */
  async function program() {
    const p = await referralProgram(engine, "dex");
    const code = await referrer(engine, p);
    await must(engine.apply(p.key, refereeOrder("bob-1", "bob", code), new Date(ORDER_AT)));
    return { ...p, code };
  }

  const rowsOf = async (programId: number) =>
    dbOf(engine).selectFrom("kinship_data_export").select(["id", "customer_id"]).where("program_id", "=", programId).execute();

  it("makes an export of everything held on the member (ledger, orders, referrals, sessions, campaigns), lists it and reads it", async () => {
    const p = await program();
    const made = field<Made>(await admin(p.key).ask(EXPORT, { customerId: "ada", key: "k-ada-1" }), "exportMemberData");
    expect(made).toMatchObject({ customerId: "ada", requestRef: null, createdAt: NOW.toISOString() });
    expect(made.data.member.customerId).toBe("ada");
    expect(made.data.orders).toEqual(["ada-1"]);
    expect(made.data.ledger.length).toBeGreaterThan(0);
    expect(made.data.referrals.code).toBe(p.code);
    expect(made.data.referrals.made).toEqual([expect.objectContaining({ status: "PENDING" })]);
    expect(made.data.referrals.sessions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "ip", value: REFERRER_IP }),
        expect.objectContaining({ kind: "device", value: REFERRER_DEVICE }),
      ]),
    );
    expect(JSON.stringify(made.data.referrals)).not.toContain("bob");
    expect(made.data.insight).toBeNull();
    expect(made.data.campaigns).toMatchObject({ badges: [] });

    const bob = field<Made>(await admin(p.key).ask(EXPORT, { customerId: "bob", key: "k-bob-1" }), "exportMemberData");
    expect(bob.data.referrals.referredBy).toMatchObject({ orderId: "bob-1", status: "PENDING" });
    expect(JSON.stringify(bob.data.referrals)).not.toContain("ada");

    const listed = field<Made[]>(await admin(p.key).ask(LIST, {}), "dataExports");
    expect(listed.map((e) => e.id)).toEqual([bob.id, made.id]);
    expect(field<Made[]>(await admin(p.key).ask(LIST, { customerId: "ada" }), "dataExports")).toEqual([
      { id: made.id, customerId: "ada", requestRef: null, createdAt: NOW.toISOString() },
    ]);
    expect(field<Made[]>(await admin(p.key).ask(LIST, { first: 1 }), "dataExports").map((e) => e.id)).toEqual([bob.id]);
    expect(field<Made>(await admin(p.key).ask(ONE, { id: made.id }), "dataExport")).toEqual(made);
    expect(field<Made | null>(await admin(p.key).ask(ONE, { id: "999999999" }), "dataExport")).toBeNull();
    expect(field<Made | null>(await admin(p.key).ask(ONE, { id: "not-an-id" }), "dataExport")).toBeNull();

    const audit = json(await admin(p.key).ask("{ audit(first: 10) { actor action subject } }"));
    expect(audit.data?.audit).toContainEqual({ actor: "owner@example.com", action: "member.export", subject: "ada" });
  });

  it("a retry with the same key answers the first export; a key reused for another customer is refused, nothing written", async () => {
    const p = await program();
    const first = field<Made>(await admin(p.key).ask(EXPORT, { customerId: "ada", key: "same" }), "exportMemberData");
    const retry = field<Made>(await admin(p.key, LATER).ask(EXPORT, { customerId: "ada", key: "same" }), "exportMemberData");
    expect(retry).toEqual(first);
    const reused = await admin(p.key, LATER).ask(EXPORT, { customerId: "bob", key: "same" });
    expect(codeOf(reused)).toBe("IdempotencyKeyReused");
    expect(await rowsOf(p.id)).toEqual([{ id: first.id, customer_id: "ada" }]);
    const both = await Promise.all([
      admin(p.key).ask(EXPORT, { customerId: "bob", key: "twice" }),
      admin(p.key).ask(EXPORT, { customerId: "bob", key: "twice" }),
    ]);
    const [a, b] = both.map((r) => field<Made>(r, "exportMemberData"));
    expect(a?.id).toBe(b?.id);
    expect((await rowsOf(p.id)).length).toBe(2);
  });

  it("refuses an unknown customer, a bad key and a bad page size, writing nothing", async () => {
    const p = await program();
    expect(codeOf(await admin(p.key).ask(EXPORT, { customerId: "nobody", key: "k1" }))).toBe("UnknownMember");
    expect(codeOf(await admin(p.key).ask(EXPORT, { customerId: "ada", key: "" }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await admin(p.key).ask(EXPORT, { customerId: "ada", key: "x".repeat(101) }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await admin(p.key).ask(EXPORT, { customerId: " ", key: "k2" }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await admin(p.key).ask(LIST, { first: 0 }))).toBe("BAD_USER_INPUT");
    expect(await rowsOf(p.id)).toEqual([]);
    // The unknown customer's key was not spent: it makes ada's export now.
    expect(field<Made>(await admin(p.key).ask(EXPORT, { customerId: "ada", key: "k1" }), "exportMemberData").customerId).toBe("ada");
  });

  it("lists the platform's data requests with their request id, and carries the member's insight when computed", async () => {
    const p = await program();
    const member = await dbOf(engine)
      .selectFrom("kinship_member")
      .select("id")
      .where("program_id", "=", p.id)
      .where("customer_id", "=", "ada")
      .executeTakeFirstOrThrow();
    await dbOf(engine)
      .insertInto("kinship_member_insight")
      .values({
        member_id: Number(member.id),
        program_id: p.id,
        recency: 5,
        frequency: 3,
        monetary: 4,
        segment: "loyal",
        orders: 1,
        lifetime_value: 2000,
        first_order_at: new Date("2026-02-02T10:00:00Z"),
        last_order_at: new Date("2026-02-02T10:00:00Z"),
        computed_at: NOW,
        changed_at: NOW,
      })
      .execute();
    await must(engine.compliance.exportMember(p.key, "ada", "dr-42", NOW));
    const [listed] = field<Made[]>(await admin(p.key).ask(LIST, { customerId: "ada" }), "dataExports");
    expect(listed).toMatchObject({ customerId: "ada", requestRef: "dr-42" });
    const read = field<Made>(await admin(p.key).ask(ONE, { id: listed?.id }), "dataExport");
    expect(read.data.insight).toMatchObject({ segment: "loyal", recency: 5, lifetimeValue: 2000 });
  });

  it("an erasure deletes the member's exports and leaves the audit naming no one", async () => {
    const p = await program();
    field<Made>(await admin(p.key).ask(EXPORT, { customerId: "ada", key: "before-erase" }), "exportMemberData");
    await must(engine.compliance.redactMember(p.key, "ada", LATER));
    expect(field<Made[]>(await admin(p.key, LATER).ask(LIST, { customerId: "ada" }), "dataExports")).toEqual([]);
    const audit = json(await admin(p.key, LATER).ask("{ audit(first: 20) { action subject } }")).data?.audit as { subject: string }[];
    expect(audit.map((a) => a.subject)).not.toContain("ada");
    expect(codeOf(await admin(p.key, LATER).ask(EXPORT, { customerId: "ada", key: "before-erase" }))).toBe("IdempotencyKeyReused");
    expect(codeOf(await admin(p.key, LATER).ask(EXPORT, { customerId: "ada", key: "after-erase" }))).toBe("UnknownMember");
  });
});
