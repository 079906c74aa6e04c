// @vitest-environment happy-dom
import { receive, settle } from "@kinship/engine/store";
import { describe, expect, it } from "vitest";
import { dbOf } from "../../test/support/engine-db.ts";
import { programConfig } from "../../test/support/program-fixture.ts";
import { ActivityPage } from "../medusa/index.ts";
import { byRole, click, rowsOf } from "./support/dom.ts";
import { engineForFile } from "./support/engine.ts";
import { render, until } from "./support/render.tsx";
import { NOW, openShop } from "./support/shop.ts";

const files = engineForFile();

describe("<ActivityPage>", () => {
  it("the audit log says in words what a settings save changed, and who saved it", async () => {
    const shop = await openShop(files.engine);
    const config = programConfig();
    const saved = await files.engine.updateConfig(
      shop.program,
      {
        ...config,
        pendingDays: 14,
        tiers: [
          ...config.tiers.map((t) => (t.key === "gold" ? { ...t, threshold: 2500 } : t)),
          { key: "vip", name: "VIP", threshold: 9000 },
        ],
      },
      "ana@shop.example",
      NOW,
    );
    expect(saved.ok).toBe(true);

    const { container: c } = await render(<ActivityPage />, shop.client);
    await until(() => expect(rowsOf(byRole(c, "table", "Audit log, newest first"))).toHaveLength(2));
    const [update, created] = rowsOf(byRole(c, "table", "Audit log, newest first"));
    expect(update?.[1]).toBe("ana@shop.example");
    const items = [...(c.querySelector("tbody tr ul")?.querySelectorAll("li") ?? [])].map((li) => li.textContent);
    expect(update?.[2]).toMatch(/^Saved the settings as version 2/);
    expect(items).toEqual(["Changed tier “Gold”: threshold (threshold 2000 → 2500)", "Added tier “VIP”", "Pending days: 0 → 14"]);
    expect(created?.[2]).toBe("Created the program");
    expect(byRole(c, "region", "Failed deliveries").textContent).toContain("No failed deliveries");
  });

  it("a dead letter is listed with its error; Replay all asks first, then puts it back in line and says how many", async () => {
    const shop = await openShop(files.engine);
    const db = dbOf(files.engine);
    const stored = await receive(
      db,
      {
        source: "medusa",
        programKey: shop.program,
        deliveryKey: "order.placed:order_01POISON",
        topic: "order.placed",
        payload: "{}",
        meta: {},
      },
      NOW,
    );
    await settle(db, stored.id, "dead", "order.placed: order_01POISON has no customer", NOW);

    const { container: c } = await render(<ActivityPage />, shop.client);
    const table = () => byRole(c, "table", "Failed deliveries");
    await until(() => expect(rowsOf(table())).toHaveLength(1));
    expect(rowsOf(table())[0]?.slice(1, 4)).toEqual([
      "order.placedmedusa · order.placed:order_01POISON",
      "0",
      "order.placed: order_01POISON has no customer",
    ]);

    // Cancelling the prompt replays nothing.
    await click(byRole(c, "button", "Replay all"));
    await until(() => expect(byRole(document.body, "button", "Cancel")).toBeTruthy());
    await click(byRole(document.body, "button", "Cancel"));
    expect(shoppedReplays(shop)).toEqual([]);

    await click(byRole(c, "button", "Replay all"));
    await until(() => expect(byRole(document.body, "button", "Replay")).toBeTruthy());
    await click(byRole(document.body, "button", "Replay"));
    await until(() => expect(document.body.textContent).toContain("1 delivery put back in line"));
    expect(shoppedReplays(shop)).toEqual([[String(stored.id)]]);
    await until(() => expect(byRole(c, "region", "Failed deliveries").textContent).toContain("No failed deliveries"));
    const row = await db.selectFrom("kinship_inbox").select("status").where("id", "=", stored.id).executeTakeFirstOrThrow();
    expect(row.status).toBe("queued");
  });
});

function shoppedReplays(shop: { of(op: string): { variables: Record<string, unknown> }[] }) {
  return shop.of("KinshipAdminReplayDeadLetters").map((r) => r.variables.ids);
}
