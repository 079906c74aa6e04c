import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, executeAdmin } from "../../src/index.ts";
import { type BackendName, backends, openTestEngine } from "../support/backends.ts";
import { order } from "../support/events.ts";
import { codeOf, field, json, NOW, seedProgram } from "./support.ts";

const CREATE = `mutation C($url: String!, $topics: [String!]!, $description: String) {
  createWebhookEndpoint(url: $url, topics: $topics, description: $description) { secret endpoint { id url topics description enabled createdAt } } }`;
const LIST = `{ eventTopics webhookEndpoints { id url topics description enabled } }`;
const UPDATE = `mutation U($id: ID!, $enabled: Boolean, $topics: [String!], $description: String) {
  updateWebhookEndpoint(id: $id, enabled: $enabled, topics: $topics, description: $description) { id enabled topics description } }`;
const ROTATE = `mutation R($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { id } } }`;
const DELETE = `mutation D($id: ID!) { deleteWebhookEndpoint(id: $id) }`;
const DELIVERIES = `query L($endpointId: ID, $status: DeliveryStatus, $first: Int, $after: String) {
  webhookDeliveries(endpointId: $endpointId, status: $status, first: $first, after: $after) {
    nextCursor deliveries { id endpointId eventId topic customerId status attempts lastStatus lastError nextAttemptAt deliveredAt createdAt payload } } }`;
const REPLAY = `mutation P($ids: [ID!]!) { replayWebhookDeliveries(ids: $ids) }`;
const AUDIT = `{ audit(first: 20) { action subject before after } }`;
const CREATE_KEYED = `mutation C($url: String!, $topics: [String!]!, $key: String) {
  createWebhookEndpoint(url: $url, topics: $topics, idempotencyKey: $key) { secret endpoint { id } } }`;
const ROTATE_KEYED = `mutation R($id: ID!, $key: String) { rotateWebhookSecret(id: $id, idempotencyKey: $key) { secret endpoint { id } } }`;

type Endpoint = { id: string; url: string; topics: string[]; description: string | null; enabled: boolean };
type Delivery = {
  id: string;
  eventId: string;
  topic: string;
  customerId: string;
  status: string;
  attempts: number;
  payload: Record<string, unknown>;
};
type Page = { nextCursor: string | null; deliveries: Delivery[] };

describe.each<BackendName>(backends)("admin webhook endpoints (%s)", (backend) => {
  let engine: Engine;
  let mine: string;
  let theirs: string;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
    mine = await seedProgram(engine, "hooks-mine");
    theirs = await seedProgram(engine, "hooks-theirs");
  });
  afterAll(() => engine.close());

  const ask = (program: string, query: string, variables: Record<string, unknown> = {}) =>
    executeAdmin(engine, { program, actor: "owner@example.com", now: NOW }, { query, variables });

  it("given an endpoint made, then its secret is answered once, never listed, and every change is audited without it", async () => {
    const made = field<{ secret: string; endpoint: Endpoint }>(
      await ask(mine, CREATE, { url: "https://crm.example.com/kinship", topics: ["tier.changed", "points.earned"], description: "CRM" }),
      "createWebhookEndpoint",
    );
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(made.endpoint).toMatchObject({
      url: "https://crm.example.com/kinship",
      topics: ["points.earned", "tier.changed"],
      enabled: true,
    });
    const listed = json(await ask(mine, LIST));
    expect(JSON.stringify(listed)).not.toContain(made.secret);
    expect(listed.data?.eventTopics).toContain("points.expiring");
    expect(listed.data?.webhookEndpoints).toEqual([expect.objectContaining({ id: made.endpoint.id, description: "CRM" })]);
    expect(field<Endpoint[]>(await ask(theirs, LIST), "webhookEndpoints")).toEqual([]);

    const off = field<Endpoint>(
      await ask(mine, UPDATE, { id: made.endpoint.id, enabled: false, description: null }),
      "updateWebhookEndpoint",
    );
    expect(off).toMatchObject({ enabled: false, description: null, topics: ["points.earned", "tier.changed"] });
    const rotated = field<{ secret: string }>(await ask(mine, ROTATE, { id: made.endpoint.id }), "rotateWebhookSecret");
    expect(rotated.secret).not.toBe(made.secret);
    // Another program cannot touch it.
    expect(codeOf(await ask(theirs, DELETE, { id: made.endpoint.id }))).toBe("UnknownEndpoint");
    expect(field<boolean>(await ask(mine, DELETE, { id: made.endpoint.id }), "deleteWebhookEndpoint")).toBe(true);
    expect(codeOf(await ask(mine, DELETE, { id: made.endpoint.id }))).toBe("UnknownEndpoint");

    const audit = JSON.stringify(field(await ask(mine, AUDIT), "audit"));
    for (const action of ["webhook.create", "webhook.update", "webhook.rotate_secret", "webhook.delete"]) expect(audit).toContain(action);
    expect(audit).not.toContain(made.secret);
    expect(audit).not.toContain(rotated.secret);
  });

  it("given a create or a rotation retried under its idempotency key, then the first answer again (one endpoint, one new secret); the key for other settings is refused", async () => {
    const program = await seedProgram(engine, "hooks-keyed");
    const input = { url: "https://crm.example.com/keyed", topics: ["points.earned"], key: "create-1" };
    const first = field<{ secret: string; endpoint: { id: string } }>(await ask(program, CREATE_KEYED, input), "createWebhookEndpoint");
    const again = field<{ secret: string; endpoint: { id: string } }>(await ask(program, CREATE_KEYED, input), "createWebhookEndpoint");
    expect(again).toEqual(first);
    const reused = await ask(program, CREATE_KEYED, { ...input, url: "https://other.example.com/hook" });
    expect(codeOf(reused)).toBe("IdempotencyKeyReused");
    const listed = field<Endpoint[]>(await ask(program, LIST), "webhookEndpoints");
    expect(listed.map((e) => e.id)).toEqual([first.endpoint.id]);

    const rotated = field<{ secret: string }>(
      await ask(program, ROTATE_KEYED, { id: first.endpoint.id, key: "rotate-1" }),
      "rotateWebhookSecret",
    );
    const retried = field<{ secret: string }>(
      await ask(program, ROTATE_KEYED, { id: first.endpoint.id, key: "rotate-1" }),
      "rotateWebhookSecret",
    );
    expect(rotated.secret).not.toBe(first.secret);
    expect(retried.secret).toBe(rotated.secret);
    const next = field<{ secret: string }>(
      await ask(program, ROTATE_KEYED, { id: first.endpoint.id, key: "rotate-2" }),
      "rotateWebhookSecret",
    );
    expect(next.secret).not.toBe(rotated.secret);
    const audit = field<{ action: string }[]>(await ask(program, AUDIT), "audit");
    expect(audit.filter((a) => a.action === "webhook.create")).toHaveLength(1);
    expect(audit.filter((a) => a.action === "webhook.rotate_secret")).toHaveLength(2);
    expect(codeOf(await ask(program, ROTATE_KEYED, { id: first.endpoint.id, key: "" }))).toBe("BAD_USER_INPUT");
  });

  it("given bad input, then a clear error and nothing saved", async () => {
    const cases: Record<string, unknown>[] = [
      { url: "http://crm.example.com/x", topics: ["tier.changed"] },
      { url: "https://crm.example.com/x", topics: [] },
      { url: "https://crm.example.com/x", topics: ["points.changed"] },
      { url: "https://crm.example.com/x", topics: ["tier.changed"], description: "x".repeat(501) },
    ];
    for (const variables of cases) {
      const r = json(await ask(theirs, CREATE, variables));
      expect(r.errors?.[0]?.extensions.code).toBe("InvalidEndpoint");
      expect(r.errors?.[0]?.message).toMatch(/webhook endpoint refused/);
    }
    expect(field<Endpoint[]>(await ask(theirs, LIST), "webhookEndpoints")).toEqual([]);
    expect(codeOf(await ask(theirs, UPDATE, { id: "abc", enabled: true }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await ask(theirs, DELIVERIES, { first: 0 }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await ask(theirs, DELIVERIES, { first: 5, after: "nope" }))).toBe("BAD_USER_INPUT");
  });

  it("given deliveries, then the log pages newest first by cursor, filters by status, and replays only this program's dead ones", async () => {
    const made = field<{ endpoint: Endpoint }>(
      await ask(mine, CREATE, { url: "https://crm.example.com/log", topics: ["points.earned"] }),
      "createWebhookEndpoint",
    );
    for (let i = 1; i <= 5; i++) {
      const r = await engine.apply(mine, order(`log-${i}`, `m${i}`, "2026-05-31T10:00:00Z", [{ price: 1000 * i }]), NOW);
      expect(r.ok).toBe(true);
    }
    const first = field<Page>(await ask(mine, DELIVERIES, { endpointId: made.endpoint.id, first: 3 }), "webhookDeliveries");
    expect(first.deliveries.map((d) => d.customerId)).toEqual(["m5", "m4", "m3"]);
    expect(first.deliveries[0]).toMatchObject({ topic: "points.earned", status: "PENDING", attempts: 0, payload: { orderId: "log-5" } });
    const rest = field<Page>(
      await ask(mine, DELIVERIES, { endpointId: made.endpoint.id, first: 3, after: first.nextCursor }),
      "webhookDeliveries",
    );
    expect(rest.deliveries.map((d) => d.customerId)).toEqual(["m2", "m1"]);
    expect(rest.nextCursor).toBeNull();

    // m1's delivery fails its last attempt: DEAD, and replayable here only.
    const claimed = await engine.events.claim(mine, "webhook", NOW);
    const m1 = claimed.find((d) => d.customerId === "m1");
    if (!m1) throw new Error("m1 not claimed");
    await engine.events.settle(mine, NOW, [{ id: m1.id, claim: m1.claim, delivered: false, status: 410, error: "HTTP 410" }], {
      maxAttempts: 1,
    });
    const dead = field<Page>(await ask(mine, DELIVERIES, { status: "DEAD" }), "webhookDeliveries");
    expect(dead.deliveries.map((d) => [d.id, d.status, d.attempts])).toEqual([[m1.id, "DEAD", 1]]);
    expect(field<number>(await ask(theirs, REPLAY, { ids: [m1.id] }), "replayWebhookDeliveries")).toBe(0);
    expect(field<number>(await ask(mine, REPLAY, { ids: [m1.id] }), "replayWebhookDeliveries")).toBe(1);
    expect(field<number>(await ask(mine, REPLAY, { ids: [m1.id] }), "replayWebhookDeliveries")).toBe(0);
    expect(field<Page>(await ask(mine, DELIVERIES, { status: "DEAD" }), "webhookDeliveries").deliveries).toEqual([]);
  });
});
