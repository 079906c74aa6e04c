import { DELIVERY_STATUSES, type DeliveryStatus, EVENT_TOPICS } from "../../core/index.ts";
import {
  CliError,
  type CommandSpec,
  flag,
  JSON_OUTPUT,
  SHOP,
  selectProgram,
  stringOption,
  UsageError,
  withEngine,
  writeLine,
} from "../context.ts";
import { table } from "../format.ts";

export const webhooksListCommand: CommandSpec = {
  name: "webhooks list",
  summary: "list the program's webhook endpoints (never their secrets)",
  positionals: [],
  options: { ...SHOP, ...JSON_OUTPUT },
  run: ({ io, values }) =>
    withEngine(io, async (engine) => {
      const key = await selectProgram(engine, values);
      const listed = await engine.events.endpoints.list(key);
      if (!listed.ok) throw new CliError(listed.error.message);
      if (flag(values, "json")) {
        for (const e of listed.value) await writeLine(io.stdout, JSON.stringify(e));
        return 0;
      }
      if (listed.value.length === 0) {
        await writeLine(io.stdout, `${key}: no webhook endpoints`);
        return 0;
      }
      const lines = table(listed.value, [
        { header: "ID", value: (e) => e.id, right: true },
        { header: "URL", value: (e) => e.url },
        { header: "ENABLED", value: (e) => (e.enabled ? "yes" : "no") },
        { header: "TOPICS", value: (e) => e.topics.join(",") },
      ]);
      for (const line of lines) await writeLine(io.stdout, line);
      return 0;
    }),
};

export const webhooksAddCommand: CommandSpec = {
  name: "webhooks add",
  summary: "add a webhook endpoint; prints its signing secret once",
  positionals: ["url"],
  options: {
    ...SHOP,
    topics: { type: "string", arg: "<a,b,...>", help: `comma-separated event topics (default: all of ${EVENT_TOPICS.join(", ")})` },
    description: { type: "string", arg: "<text>", help: "what the endpoint is for" },
  },
  description: [
    "The URL must be https (http only to localhost or 127.0.0.1). Each delivery is a POST of",
    '{"id","topic","program","occurredAt","data"} with X-Kinship-Signature: v1=<hex HMAC-SHA256 of',
    '"<X-Kinship-Timestamp>.<body>"> keyed with the secret printed here (check it with verifyKinshipSignature).',
  ].join("\n"),
  async run({ io, values, positionals, clock }) {
    const url = positionals[0] ?? "";
    const topicsText = stringOption(values, "topics");
    const topics =
      topicsText === undefined
        ? [...EVENT_TOPICS]
        : topicsText
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean);
    return withEngine(io, async (engine) => {
      const key = await selectProgram(engine, values);
      const made = await engine.events.endpoints.create({
        program: key,
        url,
        topics,
        description: stringOption(values, "description") ?? null,
        actor: "cli",
        now: clock(),
      });
      if (!made.ok) throw new CliError(made.error.message, "issues" in made.error ? made.error.issues : []);
      await writeLine(io.stdout, `${key}: webhook endpoint ${made.value.endpoint.id} → ${made.value.endpoint.url}`);
      await writeLine(io.stdout, `signing secret (shown once): ${made.value.secret}`);
      return 0;
    });
  },
};

export const webhooksDeliveriesCommand: CommandSpec = {
  name: "webhooks deliveries",
  summary: "the delivery log, newest first (--status dead: the dead-letter list)",
  positionals: [],
  options: {
    ...SHOP,
    ...JSON_OUTPUT,
    endpoint: { type: "string", arg: "<id>", help: "only this endpoint's" },
    status: { type: "string", arg: "<status>", help: DELIVERY_STATUSES.join(" | ") },
    first: { type: "string", arg: "<n>", help: "how many (default 50, at most 200)" },
  },
  run: ({ io, values }) =>
    withEngine(io, async (engine) => {
      const key = await selectProgram(engine, values);
      const status = stringOption(values, "status");
      if (status !== undefined && !DELIVERY_STATUSES.includes(status as DeliveryStatus))
        throw new UsageError(`--status must be one of ${DELIVERY_STATUSES.join(", ")}`);
      const firstText = stringOption(values, "first");
      const page = await engine.events.deliveries(key, {
        kind: "webhook",
        sinkId: stringOption(values, "endpoint"),
        status: status as DeliveryStatus | undefined,
        first: firstText === undefined ? 50 : Number(firstText),
      });
      if (!page.ok) throw new CliError(page.error.message);
      if (flag(values, "json")) {
        for (const d of page.value.deliveries) await writeLine(io.stdout, JSON.stringify(d));
        return 0;
      }
      if (page.value.deliveries.length === 0) {
        await writeLine(io.stdout, `${key}: no deliveries`);
        return 0;
      }
      const lines = table(page.value.deliveries, [
        { header: "ID", value: (d) => d.id, right: true },
        { header: "ENDPOINT", value: (d) => d.sinkId, right: true },
        { header: "TOPIC", value: (d) => d.topic },
        { header: "CUSTOMER", value: (d) => d.customerId ?? "" },
        { header: "STATUS", value: (d) => d.status },
        { header: "ATTEMPTS", value: (d) => d.attempts, right: true },
        { header: "LAST ERROR", value: (d) => d.lastError ?? "" },
      ]);
      for (const line of lines) await writeLine(io.stdout, line);
      return 0;
    }),
};

export const webhooksReplayCommand: CommandSpec = {
  name: "webhooks replay",
  summary: "put dead deliveries back in line (ids separated by commas, or all)",
  positionals: ["ids|all"],
  options: { ...SHOP },
  description: "The worker sends them on its next run (KINSHIP_WEBHOOKS_EVERY_MS).",
  async run({ io, values, positionals }) {
    const which = positionals[0] ?? "";
    const given = which.split(",").map((p) => p.trim());
    if (which !== "all" && !given.every((p) => /^[1-9][0-9]{0,17}$/.test(p)))
      throw new UsageError(`expected delivery ids separated by commas, or "all", not ${JSON.stringify(which)}`);
    return withEngine(io, async (engine) => {
      const key = await selectProgram(engine, values);
      let ids = given;
      if (which === "all") {
        ids = [];
        let after: string | undefined;
        for (;;) {
          const page = await engine.events.deliveries(key, { kind: "webhook", status: "dead", first: 200, after });
          if (!page.ok) throw new CliError(page.error.message);
          ids.push(...page.value.deliveries.map((d) => d.id));
          if (!page.value.nextCursor) break;
          after = page.value.nextCursor;
        }
      }
      const replayed = ids.length === 0 ? 0 : await engine.events.replay(key, ids);
      await writeLine(io.stdout, `${key}: ${replayed === 0 ? "nothing to replay" : `replayed ${replayed}`}`);
      return replayed > 0 || which === "all" ? 0 : 1;
    });
  },
};
