// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { OrderPointsWidget } from "../medusa/index.ts";
import { byRole, rowsOf, termsOf } from "./support/dom.ts";
import { engineForFile } from "./support/engine.ts";
import { render, until } from "./support/render.tsx";
import { openShop, order, refund } from "./support/shop.ts";

const files = engineForFile();

describe("<OrderPointsWidget>", () => {
  it("an order of 300.00 with 100.00 refunded: 300 earned, 100 reversed, growth 200, and its two ledger lines", async () => {
    const shop = await openShop(files.engine);
    await shop.apply(order("order_01HPARTIAL", "cus_01HFINN", "2026-05-20T10:00:00Z", [{ price: 20000 }, { price: 10000 }]));
    await shop.apply(refund("ref_01H1", "order_01HPARTIAL", "2026-05-25T10:00:00Z", 10000));
    const { container: c } = await render(<OrderPointsWidget orderId="order_01HPARTIAL" />, shop.client);
    await until(() => expect(c.textContent).toContain("Points earned"));

    expect(termsOf(c)).toEqual({ "Points earned": "300", "Points reversed": "100", "Net points": "200", Growth: "+200" });
    const rows = rowsOf(byRole(c, "table", "This order's points, oldest first"));
    expect(rows.map((r) => r.slice(1, 3))).toEqual([
      ["Earned", "+300"],
      ["Reversed", "\u2212100"],
    ]);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    expect(shop.of("KinshipAdminOrder").map((r) => r.variables)).toEqual([{ orderId: "order_01HPARTIAL" }]);
  });

  it("an order that earned nothing (a guest's) gets an empty state", async () => {
    const shop = await openShop(files.engine);
    await shop.apply({ ...order("order_01HGUEST", "x", "2026-05-20T10:00:00Z", [{ price: 5000 }]), customerId: null });
    const { container: c } = await render(<OrderPointsWidget orderId="order_01HGUEST" />, shop.client);
    await until(() => expect(c.querySelector("[data-empty-state]")).not.toBeNull());
    expect(c.querySelector("[data-empty-state]")?.textContent).toBe("This order earned no loyalty points.");
    expect(c.querySelector("table")).toBeNull();
    expect(c.querySelector("dl")).toBeNull();
  });
});
