// @vitest-environment happy-dom
import axe from "axe-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DataRequestsPage } from "../medusa/index.ts";
import type { DataExport } from "../shared/data-exports.ts";
import { DataRequestsScreen } from "../shopify/screens/data-requests.tsx";
import { byLabel, byRole, click, rowsOf, type } from "./support/dom.ts";
import { engineForFile } from "./support/engine.ts";
import { renderScreen, toasts } from "./support/polaris.tsx";
import { render, until } from "./support/render.tsx";
import { adjust, NOW, openShop, order } from "./support/shop.ts";

const files = engineForFile();

/** What the page handed the browser to save: the file name and the Blob's JSON. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const saved: { name: string; href: string }[] = [];
  vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
    blobs.push(b as Blob);
    return `blob:kinship/${blobs.length}`;
  });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, href: this.href });
  });
  return { saved, json: async (i: number) => JSON.parse(await (blobs[i] as Blob).text()) as DataExport };
}

afterEach(() => vi.restoreAllMocks());

describe("<DataRequestsPage> (Medusa admin)", () => {
  it("exports a member's data now, opens it, shows what it holds and downloads it as a JSON file", async () => {
    const shop = await openShop(files.engine);
    await shop.apply(order("o-1", "ada", "2026-05-20T10:00:00Z", [{ price: 4000 }]));
    await shop.apply(adjust("ada", 50, { reason: "welcome" }));
    const downloads = captureDownloads();
    const { container: c } = await render(<DataRequestsPage />, shop.client);
    await until(() => expect(c.textContent).toContain("No exports yet."));

    await type(byLabel(c, "Customer id"), " ada ");
    await click(byRole(c, "button", "Export data"));
    await until(() => expect(byRole(c, "region", "Export of ada")).toBeTruthy());
    const view = byRole(c, "region", "Export of ada");
    await until(() => expect(view.textContent).toContain("Ledger lines: 2"));
    expect(view.textContent).toContain("Orders: 1");
    expect(view.textContent).toContain("Made by the owner");
    expect(JSON.parse(view.querySelector("[data-export-json]")?.textContent ?? "")).toMatchObject({
      customerId: "ada",
      data: { orders: ["o-1"] },
    });
    await until(() => expect(rowsOf(byRole(c, "table"))).toHaveLength(1));
    expect(rowsOf(byRole(c, "table"))[0]?.slice(1, 3)).toEqual(["ada", "Made by the owner"]);
    const [made] = shop.of("KinshipAdminExportMemberData");
    expect(made?.variables).toMatchObject({ customerId: "ada", idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/) });

    // The page itself (Medusa's toast, outside it, is Medusa's own).
    const a11y = await axe.run(byRole(c, "region", "Data requests"), {
      rules: { "color-contrast": { enabled: false } },
      resultTypes: ["violations"],
    });
    expect(a11y.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(" | ")}`)).toEqual([]);

    await click(byRole(view, "button", "Download JSON"));
    expect(downloads.saved).toEqual([{ name: expect.stringMatching(/^kinship-data-export-ada-\d+\.json$/), href: "blob:kinship/1" }]);
    const file = await downloads.json(0);
    expect(file).toMatchObject({ customerId: "ada", requestRef: null, data: { member: { customerId: "ada" }, orders: ["o-1"] } });
  });

  it("says a customer who is not a member has nothing to export, and an empty id is refused before asking", async () => {
    const shop = await openShop(files.engine);
    const { container: c } = await render(<DataRequestsPage />, shop.client);
    await until(() => expect(c.textContent).toContain("No exports yet."));
    await click(byRole(c, "button", "Export data"));
    expect(c.textContent).toContain("Enter the customer's id.");
    expect(shop.of("KinshipAdminExportMemberData")).toEqual([]);
    await type(byLabel(c, "Customer id"), "nobody");
    await click(byRole(c, "button", "Export data"));
    await until(() => expect(c.textContent).toContain("nobody is not a member: Kinship holds nothing on them."));
    expect(c.textContent).toContain("No exports yet.");
  });
});

describe("<DataRequestsScreen> (Shopify admin)", () => {
  it("lists Shopify's data requests with their id, filters by customer, opens one and downloads it", async () => {
    const shop = await openShop(files.engine);
    await shop.apply(adjust("ada", 10));
    await shop.apply(adjust("bob", 20));
    for (const [customer, ref] of [
      ["ada", "dr-1"],
      ["bob", "dr-2"],
    ] as const) {
      const made = await files.engine.compliance.exportMember(shop.program, customer, ref, NOW);
      expect(made.ok).toBe(true);
    }
    const downloads = captureDownloads();
    const { container: c } = await renderScreen(<DataRequestsScreen />, shop.client);
    await until(() => expect(rowsOf(byRole(c, "table"))).toHaveLength(2));
    // Polaris renders each row's first cell (when) as its header: the cells are who, from, view.
    expect(rowsOf(byRole(c, "table")).map((r) => r.slice(0, 2))).toEqual([
      ["bob", "Data request dr-2"],
      ["ada", "Data request dr-1"],
    ]);

    await type(byLabel(c, "Show one customer's"), "ada");
    await click(byRole(c, "button", "Show"));
    await until(() => expect(rowsOf(byRole(c, "table"))).toHaveLength(1));
    expect(shop.of("KinshipAdminDataExports").at(-1)?.variables).toMatchObject({ customerId: "ada" });

    await click(byRole(c, "button", /^View the export of ada/));
    await until(() => expect(c.textContent).toContain("Export of ada"));
    await until(() => expect(c.querySelector("[data-export-json]")).toBeTruthy());
    await click(byRole(c, "button", "Download JSON"));
    expect(downloads.saved[0]?.name).toMatch(/^kinship-data-export-ada-\d+\.json$/);
    expect(await downloads.json(0)).toMatchObject({ customerId: "ada", requestRef: "dr-1" });

    await type(byLabel(c, "Customer id"), "bob");
    await click(byRole(c, "button", "Export data"));
    await until(() => expect(toasts).toContainEqual({ message: "Export of bob made", isError: false }));
    await until(() => expect(c.textContent).toContain("Export of bob"));
  });
});
