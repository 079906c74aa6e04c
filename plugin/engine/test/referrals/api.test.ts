import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, executeAdmin, executeStorefront } from "../../src/index.ts";
import { codeOf, field, json } from "../api/support.ts";
import { type BackendName, backends, openTestEngine } from "../support/backends.ts";
import {
  available,
  BEFORE_PAYABLE,
  must,
  ORDER_AT,
  PAYABLE,
  REFERRER_IP,
  refereeOrder,
  referralProgram,
  referralsOf,
  referrer,
} from "./support.ts";

const REVIEW = `mutation Review($id: ID!, $approve: Boolean!, $note: String) {
  reviewReferral(id: $id, approve: $approve, note: $note) { id status decidedBy note signals { name detail } referrerId refereeId orderId } }`;
const LIST = `query List($status: ReferralStatus, $first: Int, $after: String) {
  referrals(status: $status, first: $first, after: $after) { referrals { id status refereeId } nextCursor } }`;
const ADA = new Date("2026-06-01T00:00:00Z");

type Referral = { id: string; status: string; refereeId: string };

describe.each<BackendName>(backends)("referrals in the API (%s)", (backend) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
  });
  afterAll(() => engine.close());

  const admin = (program: string, now: Date, actor = "owner@example.com") => ({
    ask: (query: string, variables?: Record<string, unknown>) => executeAdmin(engine, { program, actor, now }, { query, variables }),
  });

  /** Two flagged referrals of ada's (same_ip) and one clean one. */
  async function flagged() {
    const program = await referralProgram(engine, `api-${backend}`);
    const code = await referrer(engine, program);
    await must(engine.apply(program.key, refereeOrder("bob-1", "bob", code, { ip: REFERRER_IP }), new Date(ORDER_AT)));
    await must(engine.apply(program.key, refereeOrder("cy-1", "cy", code, { ip: REFERRER_IP }), new Date(ORDER_AT)));
    await must(engine.apply(program.key, refereeOrder("di-1", "di", code), new Date(ORDER_AT)));
    const rows = await referralsOf(engine, program.id);
    return { program, code, bob: rows[0]?.id ?? "", cy: rows[1]?.id ?? "", di: rows[2]?.id ?? "" };
  }

  it("approve: a flagged referral pays when its order is past the return window; the same decision again answers it as it is", async () => {
    const { program, bob } = await flagged();
    const before = admin(program.key, BEFORE_PAYABLE);
    const approved = field<Record<string, unknown>>(
      await before.ask(REVIEW, { id: bob, approve: true, note: "their flatmate" }),
      "reviewReferral",
    );
    expect(approved).toMatchObject({
      id: bob,
      status: "APPROVED",
      decidedBy: "owner@example.com",
      note: "their flatmate",
      refereeId: "bob",
    });
    expect(approved.signals).toEqual([{ name: "same_ip", detail: expect.stringContaining("IP") }]);
    expect(field<{ status: string }>(await before.ask(REVIEW, { id: bob, approve: true }), "reviewReferral").status).toBe("APPROVED");
    const opposite = await before.ask(REVIEW, { id: bob, approve: false });
    expect(codeOf(opposite)).toBe("ReferralDecided");
    expect(await available(engine, program.key, "ada", BEFORE_PAYABLE)).toBe(20);
    await engine.maintain(program.key, PAYABLE);
    expect((await referralsOf(engine, program.id))[0]).toMatchObject({ status: "PAID", points: 500 });
    expect(await available(engine, program.key, "ada", PAYABLE)).toBe(20 + 500 + 500);
    const audit = json(await admin(program.key, PAYABLE).ask("{ audit(first: 10) { actor action subject } }"));
    expect(audit.data?.audit).toContainEqual({ actor: "owner@example.com", action: "referral.approve", subject: bob });
  });

  it("approving after the return window pays at once; reject pays nothing and cannot be turned into approve", async () => {
    const { program, bob, cy } = await flagged();
    const later = admin(program.key, PAYABLE);
    expect(field<{ status: string }>(await later.ask(REVIEW, { id: bob, approve: true }), "reviewReferral").status).toBe("PAID");
    expect(
      field<{ status: string }>(await later.ask(REVIEW, { id: cy, approve: false, note: "same household" }), "reviewReferral").status,
    ).toBe("REJECTED");
    expect(field<{ status: string }>(await later.ask(REVIEW, { id: cy, approve: false }), "reviewReferral").status).toBe("REJECTED");
    expect(codeOf(await later.ask(REVIEW, { id: cy, approve: true }))).toBe("ReferralDecided");
    expect(codeOf(await later.ask(REVIEW, { id: "999999", approve: true }))).toBe("UnknownReferral");
    expect(codeOf(await later.ask(REVIEW, { id: "nope", approve: true }))).toBe("UnknownReferral");
    await engine.maintain(program.key, new Date("2026-05-01T00:00:00Z"));
    // bob's approved referral and di's clean one paid; cy's rejected one did not.
    expect((await referralsOf(engine, program.id)).map((r) => r.status)).toEqual(["PAID", "REJECTED", "PAID"]);
    expect(await available(engine, program.key, "ada", ADA)).toBe(20 + 1000);
  });

  it("referrals: newest first, by status (FLAGGED is the review queue), in keyset pages", async () => {
    const { program, bob, cy, di } = await flagged();
    const a = admin(program.key, BEFORE_PAYABLE);
    const queue = field<{ referrals: Referral[]; nextCursor: string | null }>(await a.ask(LIST, { status: "FLAGGED" }), "referrals");
    expect(queue.referrals.map((r) => r.id)).toEqual([cy, bob]);
    const page1 = field<{ referrals: Referral[]; nextCursor: string }>(await a.ask(LIST, { first: 2 }), "referrals");
    expect(page1.referrals.map((r) => r.id)).toEqual([di, cy]);
    const page2 = field<{ referrals: Referral[]; nextCursor: string | null }>(
      await a.ask(LIST, { first: 2, after: page1.nextCursor }),
      "referrals",
    );
    expect(page2).toEqual({ referrals: [{ id: bob, status: "FLAGGED", refereeId: "bob" }], nextCursor: null });
    expect(codeOf(await a.ask(LIST, { after: "garbage" }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await a.ask(LIST, { first: 0 }))).toBe("BAD_USER_INPUT");
  });

  it("AdminMember: the member's code and referrals", async () => {
    const { program, code } = await flagged();
    const result = json(
      await admin(program.key, BEFORE_PAYABLE).ask(
        `{ member(customerId: "ada") { referralCode referrals(first: 2) { refereeId status } } }`,
      ),
    );
    expect(result.data?.member).toEqual({
      referralCode: code,
      referrals: [
        { refereeId: "di", status: "PENDING" },
        { refereeId: "cy", status: "FLAGGED" },
      ],
    });
  });

  it("storefront: the offer, the member's code, link and counts, recordSession, and referralLink", async () => {
    const { program, code } = await flagged();
    const shopper = (customerId: string | null, now: Date, extra: { clientIp?: string; storefrontUrl?: string } = {}) => ({
      ask: (query: string, variables?: Record<string, unknown>) =>
        executeStorefront(engine, { program: program.key, customerId, now, ...extra }, { query, variables }),
    });
    const url = "https://shop.example.com/";
    const offer = json(await shopper(null, ADA).ask("{ program { referral { refereeRewardKind refereeRewardValue referrerPoints } } }"));
    expect(offer.data?.program).toEqual({ referral: { refereeRewardKind: "AMOUNT_OFF", refereeRewardValue: 1000, referrerPoints: 500 } });
    await engine.maintain(program.key, PAYABLE);
    const me = json(
      await shopper("ada", PAYABLE, { storefrontUrl: url }).ask(
        "{ me { referrals { code link pending paid pointsEarned } } referralLink }",
      ),
    );
    expect(me.data).toEqual({
      me: { referrals: { code, link: `${url}?ref=${code}`, pending: 2, paid: 1, pointsEarned: 500 } },
      referralLink: `${url}?ref=${code}`,
    });
    expect(field(await shopper("ada", PAYABLE).ask("{ referralLink }"), "referralLink")).toBeNull();

    const RECORD = `mutation { recordSession(deviceId: "browser-7") }`;
    expect(field(await shopper(null, PAYABLE, { clientIp: "192.0.2.50" }).ask(RECORD), "recordSession")).toBe(false);
    expect(codeOf(await shopper("ada", PAYABLE).ask(`mutation { recordSession(deviceId: "") }`))).toBe("BAD_USER_INPUT");
    expect(field(await shopper("ada", PAYABLE, { clientIp: "192.0.2.50" }).ask(RECORD), "recordSession")).toBe(true);
    await must(engine.apply(program.key, refereeOrder("ed-1", "ed", code, { ip: "192.0.2.50", at: "2026-04-02T12:00:00Z" }), PAYABLE));
    const ed = (await referralsOf(engine, program.id))[3];
    expect(ed?.signals.map((s) => s.name)).toEqual(["same_ip"]);
  });

  it("a program without referrals answers null for the offer and the member's referrals", async () => {
    const program = await referralProgram(engine, `api-${backend}`);
    await referrer(engine, program);
    const current = await engine.program(program.key);
    if (!current.ok) throw new Error(current.error.message);
    const { referrals: _, ...config } = current.value.config;
    await must(engine.updateConfig(program.key, config, "owner", ADA));
    const result = json(
      await executeStorefront(
        engine,
        { program: program.key, customerId: "ada", now: ADA },
        { query: "{ program { referral { referrerPoints } } me { referrals { code } } }" },
      ),
    );
    expect(result.data).toEqual({ program: { referral: null }, me: { referrals: null } });
  });
});
