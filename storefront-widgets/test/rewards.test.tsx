// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { KinshipProvider, PointsBalance, RewardsList } from "../src/index.ts";
import { fakeApi, gold } from "./support/api.ts";
import { render, settle } from "./support/render.tsx";

afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
});

const reward = { id: "r1", name: "$5 off", cost: 500, kind: "AMOUNT_OFF" as const, value: 500, available: true };

describe("<RewardsList>", () => {
  it("redeems, shows the code in a live region and refreshes the balance", async () => {
    const member = { ...gold, points: { ...gold.points } };
    const api = fakeApi({
      me: member,
      rewards: [reward],
      redeem: (rewardId) => {
        member.points.available -= 500;
        return { rewardId, code: "KIN-5OFF-XYZ", points: 500 };
      },
    });
    const { container } = await render(
      <KinshipProvider endpoint="/apps/kinship/graphql" fetch={api.fetch}>
        <PointsBalance />
        <RewardsList />
      </KinshipProvider>,
    );
    await settle();
    expect(container.querySelector(".kinship-points")?.textContent).toBe("1,974 points");

    const button = container.querySelector("button") as HTMLButtonElement;
    await act(async () => button.click());
    await settle();

    const result = container.querySelector(".kinship-rewards__result");
    expect(result?.getAttribute("aria-live")).toBe("polite");
    expect(result?.textContent).toBe("Your code: KIN-5OFF-XYZ");
    expect(api.of("KinshipRedeem").map((c) => c.variables)).toEqual([{ id: "r1" }]);
    expect(api.of("KinshipMe")).toHaveLength(2);
    expect(container.querySelector(".kinship-points")?.textContent).toBe("1,474 points");
  });

  it("says so when a redemption fails", async () => {
    const api = fakeApi({
      rewards: [reward],
      redeem: () => {
        throw new Error("no");
      },
    });
    const { container } = await render(
      <KinshipProvider endpoint="/apps/kinship/graphql" fetch={api.fetch}>
        <RewardsList />
      </KinshipProvider>,
    );
    await settle();
    await act(async () => (container.querySelector("button") as HTMLButtonElement).click());
    await settle();
    expect(container.querySelector(".kinship-rewards__result")?.textContent).toBe("Could not redeem this reward. Please try again.");
  });
});
