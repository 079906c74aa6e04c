import { type Engine, executeAdmin, type ProgramConfigInput } from "@kinship/engine";
import { openEngineOwningDb } from "../../../test/support/engine-db.ts";
import { programConfig } from "../../../test/support/program-fixture.ts";
import { type AdminClient, createAdminClient } from "../../shared/client.ts";

/** "Now" for every scenario: the engine dates adjustments with it. */
export const NOW = new Date("2026-06-01T12:00:00Z");

export interface Request {
  operation: string;
  variables: Record<string, unknown>;
  headers: Headers;
  credentials: RequestCredentials | undefined;
}

export interface Shop {
  engine: Engine;
  program: string;
  /** A client whose fetch hands each request to the real engine, as the Medusa route does. */
  client: AdminClient;
  requests: Request[];
  of(operation: string): Request[];
  /** Applies an event to the engine and fails the test if it is refused. */
  apply(input: unknown): Promise<void>;
  config(): Promise<Record<string, unknown> & { rules: { id: string; condition?: unknown }[] }>;
  version(): Promise<number>;
}

export interface ShopOptions {
  config?: ProgramConfigInput;
  /** Who the admin is (the Medusa route takes it from the session). */
  actor?: string;
  /** Runs after the engine applied a request, before its answer leaves: wait to hold it, throw to lose it. */
  afterApply?: (request: Request) => void | Promise<void>;
}

let shops = 0;

/** One in-memory PGlite engine per test file; each shop is a program on it. */
export async function openTestEngine(): Promise<Engine> {
  return openEngineOwningDb({});
}

export async function openShop(engine: Engine, options: ShopOptions = {}): Promise<Shop> {
  shops += 1;
  const program = `store-${shops}-${Math.random().toString(36).slice(2, 8)}`;
  const created = await engine.createProgram({
    key: program,
    platform: "medusa",
    config: options.config ?? programConfig(),
    actor: "setup",
    now: NOW,
  });
  if (!created.ok) throw new Error(created.error.message);
  const requests: Request[] = [];
  const actor = options.actor ?? "owner@shop.example";
  const fetchImpl = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body));
    const request: Request = {
      operation: body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? "?",
      variables: body.variables ?? {},
      headers: new Headers(init?.headers),
      credentials: init?.credentials,
    };
    requests.push(request);
    const result = await executeAdmin(engine, { program, actor, now: NOW }, body);
    await options.afterApply?.(request);
    return new Response(JSON.stringify(result), { status: 200, headers: { "content-type": "application/json" } });
  };
  const client = createAdminClient({
    endpoint: "http://admin.test/admin/kinship/graphql",
    fetch: fetchImpl as typeof fetch,
    credentials: "include",
  });
  return {
    engine,
    program,
    client,
    requests,
    of: (operation) => requests.filter((r) => r.operation === operation),
    async apply(input) {
      const applied = await engine.apply(program, input, NOW);
      if (!applied.ok) throw new Error(`${applied.error.code}: ${applied.error.message}`);
    },
    async config() {
      const p = await engine.program(program);
      if (!p.ok) throw new Error(p.error.message);
      return p.value.config as unknown as Record<string, unknown> & { rules: { id: string; condition?: unknown }[] };
    },
    async version() {
      const p = await engine.program(program);
      if (!p.ok) throw new Error(p.error.message);
      return p.value.configVersion;
    },
  };
}

/** An order.paid event (amounts in minor units), as plugin/engine/test/support/events.ts builds them. */
export function order(orderId: string, customerId: string, at: string, lines: { price: number; qty?: number; id?: string }[]) {
  return {
    type: "order.paid",
    orderId,
    customerId,
    occurredAt: at,
    currency: "USD",
    lines: lines.map((l, i) => ({ lineId: l.id ?? `${orderId}-${i + 1}`, quantity: l.qty ?? 1, unitPrice: l.price, discount: 0 })),
    shipping: 500,
    tax: 300,
  };
}

export function refund(refundId: string, orderId: string, at: string, amount: number) {
  return { type: "refund.created", refundId, orderId, occurredAt: at, lines: [], amount };
}

export function adjust(customerId: string, points: number, opts: { growth?: number; reason?: string; actor?: string; key?: string } = {}) {
  shops += 1;
  return {
    type: "adjust",
    key: opts.key ?? `seed-${shops}`,
    customerId,
    points,
    growth: opts.growth ?? 0,
    reason: opts.reason ?? "seed",
    actor: opts.actor ?? "setup",
  };
}
