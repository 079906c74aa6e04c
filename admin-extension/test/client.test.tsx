// @vitest-environment happy-dom
import { defaultProgramConfig, executeAdmin } from "@kinship/engine";
import { QueryClient } from "@tanstack/react-query";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CustomerLoyaltyWidget } from "../medusa/index.ts";
import { AdminApiError, createAdminClient, isRetryable, medusaAdminClient, standaloneAdminClient } from "../shared/client.ts";
import { KinshipQueryClientProvider } from "../shared/hooks.ts";
import { IdempotencyKeys } from "../shared/idempotency.ts";
import { adjustPointsMutation, auditQuery, memberQuery, programQuery, updateProgramMutation } from "../shared/operations.ts";
import type { ProgramConfig } from "../shared/program-config.ts";
import { engineForFile } from "./support/engine.ts";
import { until } from "./support/render.tsx";
import { adjust, NOW, openShop } from "./support/shop.ts";

const files = engineForFile();
afterEach(() => {
  vi.unstubAllGlobals();
});

async function failure(promise: Promise<unknown>): Promise<AdminApiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AdminApiError) return e;
    throw e;
  }
  throw new Error("expected the request to fail");
}

const answer = (status: number, body: unknown) =>
  new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("the admin client", () => {
  it("reads and writes through the engine: program, update, audit, member", async () => {
    const shop = await openShop(files.engine, { actor: "owner@shop.example" });
    const { program } = await shop.client.request(programQuery, {});
    expect(program).toMatchObject({ key: shop.program, version: 1, config: { currency: "USD" } });
    const config = { ...(program.config as ProgramConfig), name: "Club" };
    const { updateProgram } = await shop.client.request(updateProgramMutation, { config });
    expect(updateProgram).toMatchObject({ version: 2, config: { name: "Club" } });
    const { audit } = await shop.client.request(auditQuery, { first: 1 });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: "owner@shop.example",
        action: "config.update",
        subject: `${shop.program}@2`,
        at: NOW.toISOString(),
      }),
    ]);
    expect(await shop.client.request(memberQuery, { customerId: "cus_nobody" })).toEqual({ member: null });
  });

  it("engine errors arrive typed: InvalidConfig with its issues, InsufficientPoints with the balance", async () => {
    const shop = await openShop(files.engine);
    const broken = { ...defaultProgramConfig("USD"), tiers: [{ key: "member", name: "Member", threshold: 100 }] };
    const invalid = await failure(shop.client.request(updateProgramMutation, { config: broken as ProgramConfig }));
    expect(invalid).toMatchObject({ code: "InvalidConfig", issues: ["tiers.0.threshold: the first tier starts at 0"] });
    expect(invalid.message).toBe("invalid program config: tiers.0.threshold: the first tier starts at 0");

    await shop.apply(adjust("cus_1", 10));
    const vars = { customerId: "cus_1", points: -11, reason: "correction", idempotencyKey: "k-1" };
    const short = await failure(shop.client.request(adjustPointsMutation, vars));
    expect(short).toMatchObject({ code: "InsufficientPoints", details: { available: 10, requested: 11 } });
    expect(short.issues).toBeUndefined();
    expect(isRetryable(short)).toBe(false);
  });

  it("no answer is NETWORK_ERROR (worth retrying); an expired session is UNAUTHENTICATED; a 502 is HTTP_ERROR", async () => {
    const down = createAdminClient({
      endpoint: "http://admin.test/admin/graphql",
      fetch: (async () => {
        throw new TypeError("Failed to fetch");
      }) as typeof fetch,
    });
    const offline = await failure(down.request(programQuery, {}));
    expect(offline.code).toBe("NETWORK_ERROR");
    expect(isRetryable(offline)).toBe(true);
    const expired = createAdminClient({
      endpoint: "http://admin.test/admin/graphql",
      fetch: (async () => answer(401, "Unauthorized")) as typeof fetch,
    });
    expect(await failure(expired.request(programQuery, {}))).toMatchObject({ code: "UNAUTHENTICATED", details: { status: 401 } });
    const coded = createAdminClient({
      endpoint: "http://admin.test/admin/graphql",
      fetch: (async () => answer(401, { errors: [{ message: "no session", extensions: { code: "UNAUTHENTICATED" } }] })) as typeof fetch,
    });
    expect(await failure(coded.request(programQuery, {}))).toMatchObject({ code: "UNAUTHENTICATED", message: "no session" });
    const gateway = createAdminClient({
      endpoint: "http://admin.test/admin/graphql",
      fetch: (async () => answer(502, "<html>")) as typeof fetch,
    });
    const bad = await failure(gateway.request(programQuery, {}));
    expect(bad.code).toBe("HTTP_ERROR");
    expect(isRetryable(bad)).toBe(true);
  });

  it("the standalone client sends a Bearer token, fresh from a function for session tokens", async () => {
    const seen: { url: string; auth: string | null }[] = [];
    let n = 0;
    const client = standaloneAdminClient({
      endpoint: "http://kinship.test/admin/graphql",
      token: async () => `session-${++n}`,
      fetch: (async (url: RequestInfo | URL, init?: RequestInit) => {
        seen.push({ url: String(url), auth: new Headers(init?.headers).get("authorization") });
        return answer(200, { data: { program: { key: "k", version: 1, config: {} } } });
      }) as typeof fetch,
    });
    await client.request(programQuery, {});
    await client.request(programQuery, {});
    expect(seen).toEqual([
      { url: "http://kinship.test/admin/graphql", auth: "Bearer session-1" },
      { url: "http://kinship.test/admin/graphql", auth: "Bearer session-2" },
    ]);
  });

  it("with no provider mounted, a widget asks /admin/kinship/graphql on the page's origin with the cookie session", async () => {
    const shop = await openShop(files.engine);
    await shop.apply(adjust("cus_01HPLAIN", 42));
    const calls: { url: string; credentials: RequestCredentials | undefined }[] = [];
    vi.stubGlobal("fetch", async (url: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(url), credentials: init?.credentials });
      const result = await executeAdmin(
        files.engine,
        { program: shop.program, actor: "medusa-admin", now: NOW },
        JSON.parse(String(init?.body)),
      );
      return answer(200, result);
    });
    const container = document.createElement("div");
    document.body.append(container);
    const root = createRoot(container);
    await act(async () =>
      root.render(
        <KinshipQueryClientProvider queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <CustomerLoyaltyWidget customerId="cus_01HPLAIN" />
        </KinshipQueryClientProvider>,
      ),
    );
    await until(() => expect(container.textContent).toContain("Points available42"));
    expect(calls[0]).toEqual({ url: new URL("/admin/kinship/graphql", location.origin).href, credentials: "include" });
    expect(medusaAdminClient().endpoint).toBe(new URL("/admin/kinship/graphql", location.origin).href);
    act(() => root.unmount());
  });
});

describe("idempotency keys", () => {
  it("one key per submitted form: a resubmit reuses it until one goes through; other values or a success get a new one", () => {
    let n = 0;
    const keys = new IdempotencyKeys(() => `key-${++n}`);
    const form = { customerId: "c", points: 40, reason: "goodwill" };
    expect(keys.keyFor(form)).toBe("key-1");
    expect(keys.keyFor({ ...form })).toBe("key-1");
    expect(keys.keyFor({ ...form, points: 41 })).toBe("key-2");
    keys.succeeded({ ...form, points: 41 });
    expect(keys.keyFor({ ...form, points: 41 })).toBe("key-3");
  });
});
