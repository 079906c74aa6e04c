import { type CommandSpec, flag, JSON_OUTPUT, stringOption, UsageError, withEngine, writeLine } from "../context.ts";
import { table } from "../format.ts";

export const dlqListCommand: CommandSpec = {
  name: "dlq list",
  summary: "list deliveries that failed every attempt (dead letters)",
  positionals: [],
  options: { shop: { type: "string", arg: "<key>", help: "only this program's" }, ...JSON_OUTPUT },
  async run({ io, values }) {
    return withEngine(io, async (engine) => {
      const rows = await engine.inbox.deadLetters(stringOption(values, "shop"), 1000);
      if (flag(values, "json")) {
        for (const r of rows)
          await writeLine(
            io.stdout,
            JSON.stringify({
              id: r.id,
              program: r.programKey,
              topic: r.topic,
              delivery: r.deliveryKey,
              attempts: r.attempts,
              error: r.lastError,
            }),
          );
        return 0;
      }
      if (rows.length === 0) {
        await writeLine(io.stdout, "no dead letters");
        return 0;
      }
      const lines = table(rows, [
        { header: "ID", value: (r) => r.id, right: true },
        { header: "PROGRAM", value: (r) => r.programKey },
        { header: "TOPIC", value: (r) => r.topic },
        { header: "ATTEMPTS", value: (r) => r.attempts, right: true },
        { header: "ERROR", value: (r) => r.lastError ?? "" },
      ]);
      for (const line of lines) await writeLine(io.stdout, line);
      return 0;
    });
  },
};

export const dlqReplayCommand: CommandSpec = {
  name: "dlq replay",
  summary: "put dead letters back in line (an id, or all)",
  positionals: ["id|all"],
  options: {},
  description: "The running worker picks replayed deliveries up on its next inbox sweep (every few seconds).",
  async run({ io, positionals }) {
    const which = positionals[0] ?? "";
    const ids = which === "all" ? "all" : [Number(which)];
    if (ids !== "all" && !Number.isSafeInteger(ids[0]))
      throw new UsageError(`expected a dead letter id or "all", not ${JSON.stringify(which)}`);
    return withEngine(io, async (engine) => {
      const requeued = await engine.inbox.requeueDead(ids);
      await writeLine(io.stdout, requeued.length ? `requeued ${requeued.length}: ${requeued.join(", ")}` : "nothing to replay");
      return requeued.length || which === "all" ? 0 : 1;
    });
  },
};
