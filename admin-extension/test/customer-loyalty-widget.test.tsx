// @vitest-environment happy-dom
import { defaultProgramConfig } from "@kinship/engine";
import { describe, expect, it } from "vitest";
import { CustomerLoyaltyWidget } from "../medusa/index.ts";
import { allByRole, byLabel, byRole, click, descriptionOf, rowsOf, termsOf, type } from "./support/dom.ts";
import { engineForFile } from "./support/engine.ts";
import { render, until } from "./support/render.tsx";
import { adjust, NOW, openShop, order } from "./support/shop.ts";

const files = engineForFile();

async function widget(shop: { client: Parameters<typeof render>[1] }, customerId: string) {
  const r = await render(<CustomerLoyaltyWidget customerId={customerId} />, shop.client);
  return r.container;
}

async function adjustPoints(c: HTMLElement, points: string, reason: string) {
  await type(byLabel(c, "Points"), points);
  await type(byLabel(c, "Reason"), reason);
  await click(byRole(c, "button", "Adjust points"));
}

describe("<CustomerLoyaltyWidget>", () => {
  it("shows a Gold member's tier in its badge color, balances, growth, the next tier and points expiring soon", async () => {
    const shop = await openShop(files.engine, {
      config: {
        ...defaultProgramConfig("USD"),
        tiers: [
          { key: "member", name: "Member", threshold: 0 },
          { key: "gold", name: "Gold", threshold: 1000, badge: { label: "Gold", color: "#d4a017" } },
          { key: "platinum", name: "Platinum", threshold: 3000 },
        ],
        expiry: { kind: "afterEarn", days: 20 },
      },
    });
    await shop.apply(order("o-1", "cus_01HGOLD", "2026-05-20T10:00:00Z", [{ price: 168000 }]));
    const c = await widget(shop, "cus_01HGOLD");
    await until(() => expect(c.textContent).toContain("Points available"));

    const badge = c.querySelector("[data-tier]") as HTMLElement;
    expect(badge.textContent).toBe("Gold");
    expect((badge.querySelector("[data-testid=tier-color]") as HTMLElement).style.backgroundColor).toMatch(/#d4a017|rgb\(212, 160, 23\)/i);
    expect(termsOf(c)).toEqual({
      "Points available": "1,680",
      "Points pending": "0",
      Growth: "1,680",
      "Next tier": "1,320 to Platinum",
    });
    const expiring = byRole(c, "list", "Points expiring soon");
    expect(expiring.textContent).toMatch(/^1,680 points on /);
    expect(expiring.querySelector("time")?.getAttribute("dateTime")).toBe("2026-06-09T10:00:00.000Z");
  });

  it("an owner credits 250 points with a reason → the ledger shows it under their name", async () => {
    const shop = await openShop(files.engine, { actor: "ana@shop.example" });
    await shop.apply(order("o-2", "cus_01HANA", "2026-05-20T10:00:00Z", [{ price: 3000 }]));
    const c = await widget(shop, "cus_01HANA");
    await until(() => expect(termsOf(c)["Points available"]).toBe("30"));

    await adjustPoints(c, "250", "Late delivery");
    await until(() => expect(termsOf(c)["Points available"]).toBe("280"));
    await until(() => expect(rowsOf(byRole(c, "table", "Points history, newest first"))).toHaveLength(2));

    const [credit, earn] = rowsOf(byRole(c, "table", "Points history, newest first"));
    expect(credit?.slice(1)).toEqual(["Adjustment", "+250", "Late delivery", "ana@shop.example", "—"]);
    expect(earn?.slice(1)).toEqual(["Earned", "+30", "1 point per currency unit", "Automatic", "o-2"]);
    expect(c.querySelector("time")?.getAttribute("dateTime")).toBe(NOW.toISOString());
    expect(byRole(c, "status").textContent).toBe("250 points credited.");
    expect(document.body.textContent).toContain("250 points credited");
    // the form is ready for the next adjustment
    expect((byLabel(c, "Points") as HTMLInputElement).value).toBe("");
    expect(shop.of("KinshipAdminAdjustPoints").map((r) => r.variables)).toEqual([
      { customerId: "cus_01HANA", points: 250, reason: "Late delivery", idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/) },
    ]);
  });

  it("a debit over the balance shows InsufficientPoints and changes nothing", async () => {
    const shop = await openShop(files.engine);
    await shop.apply(adjust("cus_01HBEN", 100, { reason: "welcome" }));
    const c = await widget(shop, "cus_01HBEN");
    await until(() => expect(termsOf(c)["Points available"]).toBe("100"));

    await adjustPoints(c, "-150", "Correction");
    const alert = await (async () => {
      await until(() => expect(c.querySelector("[data-code=InsufficientPoints]")).not.toBeNull());
      return c.querySelector("[data-code=InsufficientPoints]") as HTMLElement;
    })();
    expect(alert.getAttribute("role")).toBe("alert");
    expect(alert.textContent).toBe("Insufficient points: the customer has 100 points available, so 150 cannot be deducted.");
    expect(termsOf(c)["Points available"]).toBe("100");
    expect(rowsOf(byRole(c, "table", "Points history, newest first")).map((r) => r[3])).toEqual(["welcome"]);
    const member = await files.engine.member(shop.program, "cus_01HBEN", NOW);
    expect(member.ok && member.value.points.available).toBe(100);
    // what was typed stays, to fix and resubmit
    expect((byLabel(c, "Points") as HTMLInputElement).value).toBe("-150");
  });

  it("refuses a form without a number or a reason before calling the API, and says why next to each field", async () => {
    const shop = await openShop(files.engine);
    await shop.apply(adjust("cus_01HCARA", 10));
    const c = await widget(shop, "cus_01HCARA");
    await until(() => expect(termsOf(c)["Points available"]).toBe("10"));

    await adjustPoints(c, "twelve", "  ");
    expect(descriptionOf(byLabel(c, "Points"))).toContain("Enter a whole number of points, like 250 or -50");
    expect(descriptionOf(byLabel(c, "Reason"))).toContain("Enter a reason: it is kept in the ledger");
    expect(byLabel(c, "Points").getAttribute("aria-invalid")).toBe("true");
    expect(allByRole(c, "alert").map((a) => a.textContent)).toEqual([
      "Enter a whole number of points, like 250 or -50",
      "Enter a reason: it is kept in the ledger",
    ]);
    expect(shop.of("KinshipAdminAdjustPoints")).toHaveLength(0);
  });

  it("disables the form while the adjustment is on its way", async () => {
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const shop = await openShop(files.engine, {
      afterApply: (request) => (request.operation === "KinshipAdminAdjustPoints" ? held : undefined),
    });
    await shop.apply(adjust("cus_01HDORA", 10));
    const c = await widget(shop, "cus_01HDORA");
    await until(() => expect(termsOf(c)["Points available"]).toBe("10"));
    await adjustPoints(c, "5", "Goodwill");
    await until(() => expect(shop.of("KinshipAdminAdjustPoints")).toHaveLength(1));
    // the answer is held back: nothing can be typed or submitted twice meanwhile
    expect((byRole(c, "button", "Adjust points") as HTMLButtonElement).disabled).toBe(true);
    expect((byLabel(c, "Points") as HTMLInputElement).disabled).toBe(true);
    expect((byLabel(c, "Reason") as HTMLInputElement).disabled).toBe(true);
    release();
    await until(() => expect(termsOf(c)["Points available"]).toBe("15"));
    expect((byRole(c, "button", "Adjust points") as HTMLButtonElement).disabled).toBe(false);
    expect(shop.of("KinshipAdminAdjustPoints")).toHaveLength(1);
  });

  it("a retried submit after a lost answer is applied once", async () => {
    let lose = true;
    const shop = await openShop(files.engine, {
      afterApply: (request) => {
        if (request.operation === "KinshipAdminAdjustPoints" && lose) {
          lose = false;
          throw new TypeError("Failed to fetch");
        }
      },
    });
    await shop.apply(adjust("cus_01HERIN", 10));
    const c = await widget(shop, "cus_01HERIN");
    await until(() => expect(termsOf(c)["Points available"]).toBe("10"));

    await adjustPoints(c, "40", "Goodwill");
    await until(() => expect(c.querySelector("[data-code=NETWORK_ERROR]")).not.toBeNull());
    await click(byRole(c, "button", "Adjust points"));
    await until(() => expect(byRole(c, "status").textContent).toBe("40 points credited."));

    const [first, retry] = shop.of("KinshipAdminAdjustPoints");
    expect(retry?.variables.idempotencyKey).toBe(first?.variables.idempotencyKey);
    await until(() => expect(termsOf(c)["Points available"]).toBe("50"));
    expect(rowsOf(byRole(c, "table", "Points history, newest first")).map((r) => [r[2], r[3]])).toEqual([
      ["+40", "Goodwill"],
      ["+10", "seed"],
    ]);

    // the same values submitted again, on purpose, are a second adjustment
    await adjustPoints(c, "40", "Goodwill");
    await until(() => expect(termsOf(c)["Points available"]).toBe("90"));
  });

  it("pages the ledger newest first with Load more", async () => {
    const shop = await openShop(files.engine);
    for (let i = 1; i <= 23; i += 1) await shop.apply(adjust("cus_01HFINN", i, { reason: `credit ${i}` }));
    const c = await widget(shop, "cus_01HFINN");
    await until(() => expect(rowsOf(byRole(c, "table", "Points history, newest first"))).toHaveLength(20));
    expect(rowsOf(byRole(c, "table", "Points history, newest first"))[0]?.[3]).toBe("credit 23");

    await click(byRole(c, "button", "Load more"));
    await until(() => expect(rowsOf(byRole(c, "table", "Points history, newest first"))).toHaveLength(23));
    const reasons = rowsOf(byRole(c, "table", "Points history, newest first")).map((r) => r[3]);
    expect(reasons).toEqual(Array.from({ length: 23 }, (_, i) => `credit ${23 - i}`));
    expect(allByRole(c, "button", "Load more")).toHaveLength(0);
    expect(shop.of("KinshipAdminMemberLedger").map((r) => [r.variables.first, r.variables.after === null])).toEqual([
      [20, true],
      [20, false],
    ]);
  });

  it("a customer who is not a member yet gets an empty state, and can be credited", async () => {
    const shop = await openShop(files.engine);
    const c = await widget(shop, "cus_01HNEW");
    await until(() => expect(c.querySelector("[data-empty-state]")).not.toBeNull());
    expect(c.querySelector("[data-empty-state]")?.textContent).toContain("Not a loyalty member yet");
    expect(c.textContent).toContain("Crediting points makes this customer a member.");
    expect(c.querySelector("table")).toBeNull();

    await adjustPoints(c, "200", "Welcome gift");
    await until(() => expect(termsOf(c)["Points available"]).toBe("200"));
    expect(c.querySelector("[data-tier]")?.textContent).toBe("Member");
    expect(rowsOf(byRole(c, "table", "Points history, newest first")).map((r) => r.slice(1, 4))).toEqual([
      ["Adjustment", "+200", "Welcome gift"],
    ]);
  });
});
