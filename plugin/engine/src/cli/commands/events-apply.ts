import { applyBatch, BatchAborted, type BatchSummary, parseBatch, summaryLines } from "../batch.ts";
import { CliError, type CommandSpec, type Io, readSource, SHOP, selectProgram, withEngine, writeLine } from "../context.ts";

export const eventsApplyCommand: CommandSpec = {
  name: "events apply",
  summary: "apply a JSON-lines file of events and commands",
  positionals: ["file.jsonl"],
  options: { ...SHOP },
  description: [
    "Each non-blank line is one JSON object: an event (order.paid, order.cancelled, refund.created,",
    "customer.created, customer.updated, custom) or a command (spend, adjust, evaluate, tick).",
    "Every line is validated first; if any is bad, nothing is applied. Events already applied",
    "count as duplicates, so a file can be re-applied safely. Use - to read standard input.",
    "Exit 1 when a line is rejected (e.g. InsufficientPoints).",
  ].join("\n"),
  async run({ io, values, positionals, clock }) {
    const file = positionals[0] ?? "-";
    const text = await readSource(io, file);
    const { items, bad } = await parseBatch(text);
    if (bad.length > 0) throw new CliError(`${bad.length} invalid ${bad.length === 1 ? "line" : "lines"} in ${file}; nothing applied`, bad);

    return withEngine(io, async (engine) => {
      const key = await selectProgram(engine, values);
      const bar = await progressBar(io, items.length);
      let summary: BatchSummary;
      try {
        summary = await applyBatch(engine, key, items, clock, (done) => bar?.update(done));
      } catch (e) {
        bar?.stop();
        if (!(e instanceof BatchAborted)) throw e;
        for (const line of summaryLines(e.summary)) await writeLine(io.stdout, line);
        throw new CliError(`stopped at ${e.message}`, ["lines before it were processed; re-apply the file to resume"]);
      }
      bar?.stop();
      await writeLine(io.stdout, `${key}: ${items.length} ${items.length === 1 ? "line" : "lines"} from ${file}`);
      for (const line of summaryLines(summary)) await writeLine(io.stdout, line);
      if (summary.rejected.length > 0) throw new CliError(`${summary.rejected.length} of ${items.length} lines rejected`);
      return 0;
    });
  },
};

/** A bar on stderr while applying, only for a person watching a terminal. */
async function progressBar(io: Io, total: number): Promise<{ update(done: number): void; stop(): void } | null> {
  if (!io.stderr.isTTY || total === 0) return null;
  const { default: progress } = await import("cli-progress");
  const bar = new progress.SingleBar(
    { stream: io.stderr, format: "applying {bar} {value}/{total} | {eta_formatted} left", hideCursor: true, clearOnComplete: true },
    progress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}
