// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { REDEEM_RETRIES, RETRY_MS } from "../src/core/session.ts";
import type { Member } from "../src/core/types.ts";
import { KinshipProvider, PointsBalance, RewardsList } from "../src/index.ts";
import { ApiError, type FakeApi, fakeApi, gold } from "./support/api.ts";
import { render, settle } from "./support/render.tsx";

afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
});

const reward = { id: "r1", name: "$5 off", cost: 500, kind: "AMOUNT_OFF" as const, value: 500, available: true };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A server that keeps its word per idempotency key, as the API does: a key it has seen gets the
 * same code and spends nothing more. Codes are numbered by the spends.
 */
function keyedServer(member: Member) {
  const codes = new Map<string, string>();
  return {
    codes,
    redeem: (rewardId: string, key: string) => {
      let code = codes.get(key);
      if (!code) {
        member.points.available -= 500;
        code = `KIN-${codes.size + 1}`;
        codes.set(key, code);
      }
      return { rewardId, code, points: 500 };
    },
  };
}

/** The first `lose` redemption requests reach the server, but their answers are lost on the way back. */
function losingAnswers(api: FakeApi, lose: number): typeof fetch {
  let lost = 0;
  return (async (url: RequestInfo | URL, init?: RequestInit) => {
    const res = await api.fetch(url, init);
    if (String(init?.body).includes("KinshipRedeem") && lost < lose) {
      lost += 1;
      throw new TypeError("Failed to fetch");
    }
    return res;
  }) as typeof fetch;
}

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
    expect(api.of("KinshipRedeem").map((c) => c.variables)).toEqual([{ id: "r1", key: expect.stringMatching(UUID) }]);
    expect(api.of("KinshipMe")).toHaveLength(2);
    expect(container.querySelector(".kinship-points")?.textContent).toBe("1,474 points");
  });

  it("says so when a redemption fails", async () => {
    const api = fakeApi({
      rewards: [reward],
      redeem: () => {
        throw new ApiError("DiscountFailed");
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

  it("a click whose answer is lost is sent again with the same key: one spend, one code; the next click is a new key", async () => {
    const member = { ...gold, points: { ...gold.points } };
    const server = keyedServer(member);
    const api = fakeApi({ me: member, rewards: [reward], redeem: server.redeem });
    const { container } = await render(
      <KinshipProvider endpoint="/apps/kinship/graphql" fetch={losingAnswers(api, 1)}>
        <PointsBalance />
        <RewardsList />
      </KinshipProvider>,
    );
    await settle();
    await act(async () => (container.querySelector("button") as HTMLButtonElement).click());
    await settle(RETRY_MS + 100);

    const sent = api.of("KinshipRedeem").map((c) => c.variables.key);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(UUID);
    expect(sent[1]).toBe(sent[0]);
    expect(container.querySelector(".kinship-rewards__result")?.textContent).toBe("Your code: KIN-1");
    expect(container.querySelector(".kinship-points")?.textContent).toBe("1,474 points");

    await act(async () => (container.querySelector("button") as HTMLButtonElement).click());
    await settle();
    const again = api.of("KinshipRedeem").map((c) => c.variables.key);
    expect(again).toHaveLength(3);
    expect(again[2]).toMatch(UUID);
    expect(again[2]).not.toBe(again[0]);
    expect(container.querySelector(".kinship-rewards__result")?.textContent).toBe("Your code: KIN-2");
    expect([...server.codes.values()]).toEqual(["KIN-1", "KIN-2"]);
    expect(container.querySelector(".kinship-points")?.textContent).toBe("974 points");
  });

  it("an attempt the server is still finishing is asked again with its key; a refusal is final", async () => {
    let inProgress = 1;
    const keys: string[] = [];
    const api = fakeApi({
      rewards: [reward, { ...reward, id: "r2", name: "$10 off" }],
      redeem: (rewardId, key) => {
        keys.push(key);
        if (rewardId === "r2") throw new ApiError("InsufficientPoints");
        if (inProgress-- > 0) throw new ApiError("RedemptionInProgress");
        return { rewardId, code: "KIN-SLOW", points: 500 };
      },
    });
    const { container } = await render(
      <KinshipProvider endpoint="/apps/kinship/graphql" fetch={api.fetch}>
        <RewardsList />
      </KinshipProvider>,
    );
    await settle();
    const [first, second] = container.querySelectorAll("button");
    await act(async () => (first as HTMLButtonElement).click());
    await settle(RETRY_MS + 100);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(container.querySelector(".kinship-rewards__result")?.textContent).toBe("Your code: KIN-SLOW");

    await act(async () => (second as HTMLButtonElement).click());
    await settle(RETRY_MS * 3 + 100);
    expect(keys).toHaveLength(3);
    expect(container.querySelector(".kinship-rewards__result")?.textContent).toBe("Could not redeem this reward. Please try again.");
  });

  it("gives up after its retries when no answer ever comes, and says so", async () => {
    const api = fakeApi({ rewards: [reward], redeem: (rewardId) => ({ rewardId, code: "KIN-LOST", points: 500 }) });
    const { container } = await render(
      <KinshipProvider endpoint="/apps/kinship/graphql" fetch={losingAnswers(api, 99)}>
        <RewardsList />
      </KinshipProvider>,
    );
    await settle();
    await act(async () => (container.querySelector("button") as HTMLButtonElement).click());
    await settle(RETRY_MS * 3 + 100);
    const sent = api.of("KinshipRedeem").map((c) => c.variables.key);
    expect(sent).toHaveLength(1 + REDEEM_RETRIES);
    expect(new Set(sent).size).toBe(1);
    expect(container.querySelector(".kinship-rewards__result")?.textContent).toBe("Could not redeem this reward. Please try again.");
  });
});
