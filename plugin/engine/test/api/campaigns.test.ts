import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultProgramConfig, type Engine, executeAdmin, executeStorefront, type ProgramConfigInput } from "../../src/index.ts";
import { openTestEngine, uniqueProgramKey } from "../support/backends.ts";
import { customerCreated, order } from "../support/events.ts";
import { codeOf, field, json } from "./support.ts";

const NOW = new Date("2027-05-01T12:00:00Z");
const config: ProgramConfigInput = {
  ...defaultProgramConfig("USD"),
  campaigns: {
    birthday: { points: 500, growth: 0 },
    stampCards: [{ id: "coffee", name: "Coffee card", stamps: 3, reward: { points: 100 } }],
    badges: [
      { key: "first", name: "First order", description: "Your first order", icon: "cart", color: "#0a0", when: { orders: 1 } },
      { key: "ten", name: "Ten orders", when: { orders: 10 } },
    ],
  },
};

const ME =
  "{ me { customerId birthday badges { key name description icon color earnedAt } stampCards { id name stamps collected completed } } }";
const SET = "mutation Set($date: String!) { setBirthday(date: $date) { customerId birthday } }";

describe("campaigns in the API (postgres)", () => {
  let engine: Engine;
  let program: string;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
    program = uniqueProgramKey("campaigns-api");
    const created = await engine.createProgram({ key: program, platform: "shopify", config, actor: "test", now: NOW });
    if (!created.ok) throw new Error(created.error.message);
    for (const input of [
      customerCreated("ann", "2027-01-01T00:00:00Z"),
      customerCreated("pat", "2027-01-01T00:00:00Z", { birthday: "1990-07-04" }),
      order("a1", "ann", "2027-02-01T00:00:00Z", [{ price: 2000 }]),
      order("a2", "ann", "2027-02-02T00:00:00Z", [{ price: 2000 }]),
    ]) {
      const r = await engine.apply(program, input, NOW);
      if (!r.ok) throw new Error(r.error.message);
    }
  });
  afterAll(() => engine.close());

  const as = (customerId: string | null) => (query: string, variables?: Record<string, unknown>) =>
    executeStorefront(engine, { program, customerId, now: NOW }, { query, variables });

  it("Member: badges earned, stamp cards with progress, the birthday", async () => {
    expect(field(await as("ann")(ME), "me")).toEqual({
      customerId: "ann",
      birthday: null,
      badges: [
        {
          key: "first",
          name: "First order",
          description: "Your first order",
          icon: "cart",
          color: "#0a0",
          earnedAt: "2027-02-01T00:00:00.000Z",
        },
      ],
      stampCards: [{ id: "coffee", name: "Coffee card", stamps: 3, collected: 2, completed: 0 }],
    });
    expect(field(await as("pat")(ME), "me")).toMatchObject({
      birthday: "1990-07-04",
      badges: [],
      stampCards: [{ collected: 0, completed: 0 }],
    });
  });

  it("setBirthday: once; the same date again is fine, another is BirthdayLocked; bad dates and strangers are refused", async () => {
    expect(codeOf(await as("ann")(SET, { date: "1991-02-29" }))).toBe("InvalidEvent");
    expect(codeOf(await as("ann")(SET, { date: "29/02/1992" }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await as("ann")(SET, { date: "2030-01-01" }))).toBe("InvalidEvent");
    expect(field(await as("ann")(SET, { date: "1992-02-29" }), "setBirthday")).toEqual({ customerId: "ann", birthday: "1992-02-29" });
    expect(field(await as("ann")(SET, { date: "1992-02-29" }), "setBirthday")).toEqual({ customerId: "ann", birthday: "1992-02-29" });
    const moved = json(await as("ann")(SET, { date: "1992-03-01" }));
    expect(moved.errors?.[0]?.extensions.code).toBe("BirthdayLocked");
    expect(field<{ birthday: string }>(await as("ann")(ME), "me").birthday).toBe("1992-02-29");
    // The platform's birthday counts as given.
    expect(codeOf(await as("pat")(SET, { date: "1990-07-05" }))).toBe("BirthdayLocked");
    expect(codeOf(await as(null)(SET, { date: "1990-07-05" }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await as("nobody")(SET, { date: "1990-07-05" }))).toBe("UnknownMember");
  });

  it("AdminMember: badges and stamp cards", async () => {
    const r = await executeAdmin(
      engine,
      { program, actor: "ops@example.com", now: NOW },
      { query: '{ member(customerId: "ann") { badges { key earnedAt } stampCards { id collected completed } } }' },
    );
    expect(field(r, "member")).toEqual({
      badges: [{ key: "first", earnedAt: "2027-02-01T00:00:00.000Z" }],
      stampCards: [{ id: "coffee", collected: 2, completed: 0 }],
    });
  });
});
