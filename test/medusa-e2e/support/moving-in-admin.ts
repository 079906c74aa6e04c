import { expect, it } from "vitest";
import { ARTIFACTS, launchChromium, seriousViolations } from "../../browser/support.ts";
import { signedInAdmin } from "./admin.ts";
import { adminApi } from "./kinship.ts";
import type { TestStore } from "./store.ts";

const members = ["mia", "noah", "olga", "pete", "quinn", "ruby"].map((name, i) => ({
  id: `cus_moving_${name}`,
  email: `${name}.moving@example.com`,
  points: 100 * (i + 1),
}));
const csv = (rows: string[]) => `customer_id,email,points\n${rows.join("\n")}\n`;
const good = csv(members.map((m) => `${m.id},${m.email},${m.points}`));
/** Line 3 has no whole number of points, line 6 no customer id. */
const bad = csv(
  members.map((m, i) => (i === 1 ? `${m.id},${m.email},plenty` : i === 4 ? `,${m.email},${m.points}` : `${m.id},${m.email},${m.points}`)),
);

/**
 * Moving in, in the real Medusa admin (Chromium): Loyalty → Import members checks a file and lists
 * its bad rows by line (no Apply), then applies the fixed file and shows it under Applied imports.
 * Registers its tests in the caller's describe, on the caller's store (opened with `{ admin: true }`).
 */
export function movingInAdminTests(store: () => TestStore) {
  it("Import members: a file's bad rows are listed by line, the fixed file is applied and listed (Chromium, axe)", async () => {
    const browser = await launchChromium();
    try {
      const page = await signedInAdmin(browser, store().url);
      const main = page.getByRole("main");
      await page.goto(`${store().url}/app/loyalty/imports`, { timeout: 240_000 });
      await main.getByRole("heading", { name: "Import members", level: 1 }).waitFor({ timeout: 120_000 });
      await main
        .getByText(/No imports yet\.|Applied imports/)
        .first()
        .waitFor({ timeout: 60_000 });
      const file = main.getByLabel("CSV file");

      await file.setInputFiles({ name: "moving-in.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
      await main.getByText("moving-in.csv: 6 rows").waitFor({ timeout: 30_000 });
      await main.getByRole("button", { name: "Check file" }).click();
      const badRows = main.getByRole("table", { name: "Bad rows" }).locator("tbody tr");
      await expect.poll(() => badRows.count(), { timeout: 60_000 }).toBe(2);
      expect(await badRows.locator("td:first-child").allTextContents()).toEqual(["3", "6"]);
      expect(await main.getByRole("button", { name: "Apply import" }).count()).toBe(0);
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-loyalty-import-bad-rows.png`, fullPage: true });
      expect(await seriousViolations(page, "main"), "axe-core: serious or critical violations (import, bad rows)").toEqual([]);

      await file.setInputFiles({ name: "moving-in.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
      await main.getByRole("button", { name: "Check file" }).click();
      await main.getByText("No bad rows: ready to import.").waitFor({ timeout: 60_000 });
      await main.getByText("2,100 points").first().waitFor();
      await main.getByRole("button", { name: "Apply import" }).click();
      await main.getByText("Imported 6 rows from moving-in.csv.").waitFor({ timeout: 60_000 });
      const history = main.getByRole("table", { name: "Applied imports" }).locator("tbody tr");
      await expect.poll(() => history.first().textContent(), { timeout: 30_000 }).toContain("moving-in.csv");
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-loyalty-import-applied.png`, fullPage: true });
      expect(await seriousViolations(page, "main"), "axe-core: serious or critical violations (import, applied)").toEqual([]);
    } finally {
      await browser.close();
    }

    const runs = await adminApi(store())("{ imports(first: 5) { fileName rows points source } }");
    expect(runs.errors).toBeUndefined();
    expect(runs.data.imports[0]).toMatchObject({ fileName: "moving-in.csv", source: "CSV", rows: 6, points: "2100" });
    const ruby = await adminApi(store())('{ member(customerId: "cus_moving_ruby") { points { available } } }');
    expect(ruby.data.member.points.available).toBe(600);
  }, 900_000);
}
