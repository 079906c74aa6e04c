import { describe, expect, it } from "vitest";
import { auditSummaryLine, changesBasics, summarizeAudit } from "../shared/activity-summary.ts";
import type { ProgramConfig } from "../shared/program-config.ts";

const config: ProgramConfig = {
  name: "Club",
  currency: "USD",
  timezone: "UTC",
  pointValue: { points: 100, money: 100 },
  pendingDays: 0,
  expiry: { kind: "none" },
  growth: { window: { kind: "lifetime" } },
  tierPolicy: { graceDays: 30 },
  tiers: [{ key: "member", name: "Member", threshold: 0 }],
  rules: [],
  rewards: [],
};

const update = (after: Partial<ProgramConfig>) => ({
  action: "config.update",
  subject: "club@2",
  before: config,
  after: { ...config, ...after },
});

describe("summarizeAudit", () => {
  it("names removed items, changed settings and the actions it does not know", () => {
    expect(
      summarizeAudit({
        action: "config.update",
        subject: "shop@7",
        before: { name: "Old", expiry: { kind: "none" }, rewards: [{ id: "five", name: "5 off" }] },
        after: { name: "New", expiry: { kind: "afterEarn", days: 365 }, rewards: [] },
      }),
    ).toEqual({
      title: "Saved the settings as version 7",
      changes: ["Program name: “Old” → “New”", "Expiry: never → 365 days after earning", "Removed reward “5 off”"],
    });
    expect(summarizeAudit({ action: "webhook.rotate", subject: "shop", before: null, after: null })).toEqual({
      title: "webhook.rotate on shop",
      changes: [],
    });
  });
});

describe("the audit log's summary", () => {
  it("says which basics changed, from what to what, and whether any did", () => {
    expect(summarizeAudit(update({ name: "Gold Club", pendingDays: 14 }))).toEqual({
      title: "Saved the settings as version 2",
      changes: ["Program name: “Club” → “Gold Club”", "Pending days: 0 → 14"],
    });
    expect(summarizeAudit(update({ expiry: { kind: "inactivity", days: 365 } })).changes).toEqual([
      "Expiry: never → after 365 days without activity",
    ]);
    expect(changesBasics(update({ name: "Gold Club" }))).toBe(true);
  });

  it("names the items added, removed or changed in a list", () => {
    const tiers = [...config.tiers, { key: "gold", name: "Gold", threshold: 1000 }];
    expect(summarizeAudit(update({ tiers })).changes).toEqual(["Added tier “Gold”"]);
    expect(changesBasics(update({ tiers }))).toBe(false);
    const renamed = [{ key: "member", name: "Members", threshold: 0 }];
    expect(summarizeAudit(update({ tiers: renamed })).changes).toEqual(["Changed tier “Members”: name"]);
  });

  it("other actions say what they did", () => {
    expect(summarizeAudit({ action: "program.create", subject: "club", before: null, after: config }).title).toBe("Created the program");
    expect(summarizeAudit({ action: "partner.codes.import", subject: "cafe", before: null, after: { added: 20 } })).toEqual({
      title: "Imported 20 perk codes for partner cafe",
      changes: [],
    });
    expect(summarizeAudit({ ...update({}), after: config })).toEqual({ title: "Saved the settings as version 2", changes: [] });
  });

  it("on one line (the Shopify Activity table): the title, then the changes", () => {
    expect(auditSummaryLine(update({ name: "Gold Club", pendingDays: 14 }))).toBe(
      "Saved the settings as version 2: Program name: “Club” → “Gold Club”; Pending days: 0 → 14",
    );
    expect(auditSummaryLine({ action: "program.create", subject: "club", before: null, after: config })).toBe("Created the program");
  });
});
