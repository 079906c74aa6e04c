// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { programConfig } from "../../test/support/program-fixture.ts";
import { MembersPage } from "../medusa/index.ts";
import { byLabel, byRole, choose, click, rowsOf, type } from "./support/dom.ts";
import { shopForFile } from "./support/engine.ts";
import { seedMembers } from "./support/members.ts";
import { render, until } from "./support/render.tsx";

const files = shopForFile({ config: programConfig() }, seedMembers);

const names = (c: HTMLElement) => rowsOf(byRole(c, "table", "Members")).map((r) => r[0]);

describe("<MembersPage>", () => {
  it("lists members by points with tier, balances and growth, each linking to their member page", async () => {
    const { container: c } = await render(<MembersPage />, files.shop.client);
    await until(() => expect(names(c)).toHaveLength(3));
    expect(rowsOf(byRole(c, "table", "Members"))[0]?.slice(0, 5)).toEqual(["Ada Lovelaceada@example.com", "Gold", "2,500", "0", "2,500"]);
    expect(names(c)).toEqual(["Ada Lovelaceada@example.com", "Bob Bytebob@example.com", "Cycy@example.com"]);
    expect(c.querySelector("tbody a")?.getAttribute("href")).toBe("/loyalty/members/cus_ADA");
  });

  it("search by email, by name and by customer id; filter by tier; sort by fewest points", async () => {
    const { container: c } = await render(<MembersPage />, files.shop.client);
    await until(() => expect(names(c)).toHaveLength(3));
    const search = byLabel(c, "Search members");

    await type(search, "bob@");
    await until(() => expect(names(c)).toEqual(["Bob Bytebob@example.com"]));
    await type(search, "Lovel");
    await until(() => expect(names(c)).toEqual(["Ada Lovelaceada@example.com"]));
    await type(search, "cus_CY");
    await until(() => expect(names(c)).toEqual(["Cycy@example.com"]));
    await type(search, "nobody-here");
    await until(() => expect(c.querySelector("[data-empty-state]")?.textContent).toBe("No members match this search."));

    await type(search, "");
    await choose(byLabel(c, "Tier"), "Silver");
    await until(() => expect(names(c)).toEqual(["Bob Bytebob@example.com"]));
    await choose(byLabel(c, "Tier"), "All tiers");
    await choose(byLabel(c, "Sort by"), "Fewest points first");
    await until(() => expect(names(c)).toEqual(["Cycy@example.com", "Bob Bytebob@example.com", "Ada Lovelaceada@example.com"]));
    expect(files.shop.of("KinshipAdminMembers").at(-1)?.variables).toMatchObject({ search: null, tier: null, sort: "POINTS_ASC" });
  });

  it("Load more fetches the next page after the cursor and keeps the rows already shown", async () => {
    const { container: c } = await render(<MembersPage pageSize={2} />, files.shop.client);
    await until(() => expect(names(c)).toHaveLength(2));
    await click(byRole(c, "button", "Load more"));
    await until(() => expect(names(c)).toHaveLength(3));
    expect(names(c)[2]).toBe("Cycy@example.com");
    expect(() => byRole(c, "button", "Load more")).toThrow();
    const [, second] = files.shop.of("KinshipAdminMembers").slice(-2);
    expect(second?.variables.after).toEqual(expect.any(String));
  });
});
