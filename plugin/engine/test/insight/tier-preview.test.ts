import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, executeAdmin, type ProgramConfig, type Tier, tierFor } from "../../src/index.ts";
import { field, json } from "../api/support.ts";
import { type BackendName, backends, openTestEngine } from "../support/backends.ts";
import { NOW, seedDashboard } from "./support.ts";

const PREVIEW = `query Preview($tiers: JSON!) { tierPreview(tiers: $tiers) { members up down tiers { tier name before after } } }`;

const proposals: Record<string, Tier[]> = {
  "Silver from 150, Gold from 700": [
    { key: "member", name: "Member", threshold: 0 },
    { key: "silver", name: "Silver", threshold: 150 },
    { key: "gold", name: "Gold", threshold: 700 },
  ],
  "Silver raised to 1,000, Platinum added": [
    { key: "member", name: "Member", threshold: 0 },
    { key: "silver", name: "Silver", threshold: 1000 },
    { key: "gold", name: "Gold", threshold: 2000 },
    { key: "platinum", name: "Platinum", threshold: 5000 },
  ],
  "Silver dropped": [
    { key: "member", name: "Member", threshold: 0 },
    { key: "gold", name: "Gold", threshold: 100 },
  ],
};

describe.each<BackendName>(backends)("tierPreview (%s)", (backend) => {
  let engine: Engine;
  let program: string;
  let config: ProgramConfig;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
    await seedDashboard(engine, "preview-other");
    program = await seedDashboard(engine, "preview");
    const found = await engine.program(program);
    if (!found.ok) throw new Error(found.error.message);
    config = found.value.config;
  });
  afterAll(() => engine.close());

  const ask = (tiers: unknown, key = program, now = NOW) =>
    executeAdmin(engine, { program: key, actor: "ops", now }, { query: PREVIEW, variables: { tiers } });

  /** The plain answer: every member, one by one, as the engine's views and tierFor see them. */
  async function reference(proposed: Tier[], key = program, now = NOW) {
    const members: { tier: string; target: string }[] = [];
    for await (const m of engine.members.list(key, now))
      members.push({ tier: m.tier.key, target: tierFor({ ...config, tiers: proposed }, m.growth).key });
    const threshold = (tiers: Tier[], key: string) => tiers.find((t) => t.key === key)?.threshold ?? 0;
    const keys = [...new Set([...proposed.map((t) => t.key), ...config.tiers.map((t) => t.key)])];
    return {
      members: members.length,
      up: members.filter((m) => m.tier !== m.target && threshold(proposed, m.target) > threshold(config.tiers, m.tier)).length,
      down: members.filter((m) => m.tier !== m.target && threshold(proposed, m.target) < threshold(config.tiers, m.tier)).length,
      tiers: keys.map((tier) => ({
        tier,
        name: [...proposed, ...config.tiers].find((t) => t.key === tier)?.name,
        before: members.filter((m) => m.tier === tier).length,
        after: members.filter((m) => m.target === tier).length,
      })),
    };
  }

  it.each(Object.keys(proposals))("%s: counts as a member-by-member reference computes them", async (name) => {
    const proposed = proposals[name] as Tier[];
    const answer = field(await ask(proposed), "tierPreview");
    expect(answer).toEqual(await reference(proposed));
  });

  it("a rolling one-month window: growth older than the window does not count, as the engine's member views say", async () => {
    const rolling = await seedDashboard(engine, "preview-rolling");
    const updated = await engine.updateConfig(rolling, { ...config, growth: { window: { kind: "rolling", months: 1 } } }, "ops", NOW);
    if (!updated.ok) throw new Error(updated.error.message);
    // On 25 June the window starts 25 May: ada's first order (20 May) is out, bob's (26 May) in.
    const later = new Date("2026-06-25T00:00:00Z");
    const proposed = proposals["Silver from 150, Gold from 700"] as Tier[];
    const answer = field<{ tiers: { tier: string; after: number }[] }>(await ask(proposed, rolling, later), "tierPreview");
    expect(answer).toEqual(await reference(proposed, rolling, later));
    expect(answer.tiers.find((t) => t.tier === "gold")?.after).toBe(0);
  });

  it("the fixture's growth moves ada (750) to Gold and bob (180) to Silver under the first proposal", async () => {
    expect(field(await ask(proposals["Silver from 150, Gold from 700"]), "tierPreview")).toEqual({
      members: 4,
      up: 2,
      down: 0,
      tiers: [
        { tier: "member", name: "Member", before: 3, after: 2 },
        { tier: "silver", name: "Silver", before: 1, after: 1 },
        { tier: "gold", name: "Gold", before: 0, after: 1 },
      ],
    });
  });

  it("a member the owner holds at a tier counts at that tier until the override ends", async () => {
    const held = await seedDashboard(engine, "preview-override");
    const override = await executeAdmin(
      engine,
      { program: held, actor: "ops", now: NOW },
      {
        query: `mutation { overrideTier(customerId: "dave", tier: "gold", until: "2026-07-01T00:00:00Z", reason: "VIP guest", idempotencyKey: "hold-dave") { tier { key } } }`,
      },
    );
    expect(field(override, "overrideTier")).toEqual({ tier: { key: "gold" } });
    const gold = (answer: { tiers: { tier: string; after: number }[] }) => answer.tiers.find((t) => t.tier === "gold")?.after;
    const proposed = proposals["Silver from 150, Gold from 700"] as Tier[];
    // Dave (no growth) stays Gold while held; ada reaches it by growth.
    expect(gold(field(await ask(proposed, held), "tierPreview"))).toBe(2);
    // After the end date the preview places him by his growth again.
    expect(gold(field(await ask(proposed, held, new Date("2026-07-02T00:00:00Z")), "tierPreview"))).toBe(1);
  });

  it("an invalid tier list is refused as updateProgram refuses it, with its issues", async () => {
    const result = json(
      await ask([
        { key: "member", name: "Member", threshold: 10 },
        { key: "silver", name: "Silver", threshold: 5 },
      ]),
    );
    expect(result.errors?.[0]?.extensions).toEqual({
      code: "InvalidConfig",
      issues: ["tiers.0.threshold: the first tier starts at 0", "tiers.1.threshold: tier thresholds must increase"],
    });
  });
});
