// @vitest-environment happy-dom
import { act } from "react";
import { describe, expect, it } from "vitest";
import { ImportsPage } from "../medusa/imports-page.tsx";
import { memberQuery } from "../shared/operations.ts";
import { ImportsScreen } from "../shopify/screens/imports.tsx";
import { byLabel, byRole, click, rowsOf } from "./support/dom.ts";
import { engineForFile } from "./support/engine.ts";
import { renderScreen, select } from "./support/polaris.tsx";
import { render, until } from "./support/render.tsx";
import { openShop } from "./support/shop.ts";

const files = engineForFile();

/** Picks a file in the screen's file input, as the browser's file dialog (or a drop) hands it over. */
async function pick(root: ParentNode, name: string, text: string) {
  const input = root.querySelector<HTMLInputElement>("input[type=file]");
  if (!input) throw new Error("no file input");
  const file = new File([text], name, { type: "text/csv" });
  Object.defineProperty(input, "files", { configurable: true, value: [file] });
  await act(async () => {
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

const csv = (rows: string[]) => `customer_id,email,points\n${rows.join("\n")}\n`;
const good = csv([
  "c-ann,ann@example.com,100",
  "c-ben,ben@example.com,250",
  "c-cat,cat@example.com,40",
  "c-dan,dan@example.com,10",
  "c-eve,eve@example.com,5",
]);
/** Line 3's points are not a number; line 5 has no customer id. */
const bad = csv([
  "c-ann,ann@example.com,100",
  "c-ben,ben@example.com,lots",
  "c-cat,cat@example.com,40",
  ",dan@example.com,10",
  "c-eve,eve@example.com,5",
]);

describe("<ImportsScreen> (Shopify admin)", () => {
  it("a file with bad rows lists each by line and offers no Apply; the fixed file applies part by part into the history", async () => {
    const shop = await openShop(files.engine);
    const { container: c } = await renderScreen(<ImportsScreen limits={{ maxRows: 2 }} />, shop.client);
    await until(() => expect(c.textContent).toContain("No imports yet."));
    await select(byLabel(c, "Export from"), "CSV");

    await pick(c, "members.csv", bad);
    await until(() => expect(c.textContent).toContain("5 rows"));
    await click(byRole(c, "button", "Check file"));
    await until(() => expect(rowsOf(byRole(c, "table", "Bad rows")).map((r) => r[0])).toEqual(["3", "5"]));
    expect(c.textContent).toContain("2 bad rows: nothing will be imported");
    expect(c.querySelector("button")?.textContent).not.toBe("Apply import");
    expect([...c.querySelectorAll("button")].some((b) => b.textContent === "Apply import")).toBe(false);
    const dryRuns = shop.of("KinshipAdminImportMembers");
    expect(dryRuns.map((r) => [r.variables.firstLine, r.variables.dryRun])).toEqual([
      [2, true],
      [4, true],
      [6, true],
    ]);
    expect(new Set(dryRuns.map((r) => r.variables.idempotencyKey)).size).toBe(1);

    await pick(c, "members.csv", good);
    await click(byRole(c, "button", "Check file"));
    await until(() => expect(c.textContent).toContain("No bad rows: ready to import"));
    expect(c.textContent).toContain("405 points");
    await click(byRole(c, "button", "Apply import"));
    await until(() => expect(c.textContent).toContain("Imported 5 rows from members.csv"));
    const applied = shop.of("KinshipAdminImportMembers").filter((r) => r.variables.dryRun === false);
    expect(applied.map((r) => r.variables.firstLine)).toEqual([2, 4, 6]);
    expect(new Set(applied.map((r) => r.variables.idempotencyKey)).size).toBe(1);
    expect(applied[0]?.variables.idempotencyKey).not.toBe(dryRuns[0]?.variables.idempotencyKey);
    await until(() => expect(rowsOf(byRole(c, "table", "Applied imports")).length).toBeGreaterThan(0));
    const history = rowsOf(byRole(c, "table", "Applied imports"));
    expect(history[0]?.[1]).toBe("CSV file");
    expect(history[0]?.[2]).toBe("members.csv");
    const ben = await shop.client.request(memberQuery, { customerId: "c-ben" });
    expect(ben.member?.points.available).toBe(250);
  });

  it("Cancel stops between parts and Continue carries on; a part whose answer is lost is retried with its key, never applied twice", async () => {
    let lose = 0;
    let hold: Promise<void> | null = null;
    const shop = await openShop(files.engine, {
      afterApply: async (request) => {
        if (request.variables.dryRun !== false) return;
        if (hold) await hold;
        if (request.variables.firstLine === 4 && lose > 0) {
          lose -= 1;
          throw new TypeError("the connection dropped");
        }
      },
    });
    const { container: c } = await renderScreen(<ImportsScreen limits={{ maxRows: 2 }} />, shop.client);
    await pick(c, "members.csv", good);
    await click(byRole(c, "button", "Check file"));
    await until(() => expect(c.textContent).toContain("No bad rows: ready to import"));

    let release = () => {};
    hold = new Promise((r) => {
      release = r;
    });
    await click(byRole(c, "button", "Apply import"));
    await until(() => expect(c.querySelector("progress")).not.toBeNull());
    await click(byRole(c, "button", "Cancel"));
    hold = null;
    release();
    await until(() => expect(c.textContent).toContain("Cancelled after 1 of 3 parts"));
    expect(c.textContent).toContain("2 rows were imported");

    // Part 2's answer is lost three times: two retries, then the import stops there.
    lose = 3;
    await click(byRole(c, "button", "Continue import"));
    await until(() => expect(c.textContent).toContain("The import stopped after 1 of 3 parts"));
    expect(lose).toBe(0);
    await click(byRole(c, "button", "Retry"));
    await until(() => expect(c.textContent).toContain("Imported 5 rows from members.csv"));
    expect(c.textContent).toContain("2 members already imported (unchanged)");

    const applied = shop.of("KinshipAdminImportMembers").filter((r) => r.variables.dryRun === false);
    expect(applied.map((r) => r.variables.firstLine)).toEqual([2, 4, 4, 4, 4, 6]);
    expect(new Set(applied.map((r) => r.variables.idempotencyKey)).size).toBe(1);
    for (const [customerId, points] of [
      ["c-ben", 250],
      ["c-cat", 40],
      ["c-eve", 5],
    ] as const)
      expect((await shop.client.request(memberQuery, { customerId })).member?.points.available).toBe(points);
  });
});

describe("<ImportsPage> (Medusa admin)", () => {
  it("checks a file (bad rows by line), applies the fixed one with its figures, and lists it under Applied imports", async () => {
    const shop = await openShop(files.engine);
    const { container: c } = await render(<ImportsPage />, shop.client);
    await until(() => expect(c.textContent).toContain("No imports yet."));
    await pick(c, "old-app.csv", bad);
    await click(byRole(c, "button", "Check file"));
    await until(() => expect(rowsOf(byRole(c, "table", "Bad rows")).map((r) => r[0])).toEqual(["3", "5"]));
    expect([...c.querySelectorAll("button")].some((b) => b.textContent === "Apply import")).toBe(false);

    await pick(c, "old-app.csv", good);
    await click(byRole(c, "button", "Check file"));
    await until(() => expect(c.textContent).toContain("No bad rows: ready to import."));
    await click(byRole(c, "button", "Apply import"));
    await until(() => expect(c.textContent).toContain("Imported 5 rows from old-app.csv."));
    await until(() => expect(rowsOf(byRole(c, "table", "Applied imports"))[0]?.[2]).toBe("old-app.csv"));
  });
});
