import { connect, type Engine, engineOn } from "@kinship/engine";
import type { ConfigModule, Logger } from "@medusajs/framework/types";
import { type MedusaTopic, mapMedusa } from "../../lib/mapper";
import { type KinshipOptions, parseOptions } from "./options";

type InjectedDependencies = { logger: Logger; configModule: ConfigModule };

/** A Medusa event as the plugin stores it: the records its subscriber loaded, under a key unique to that event. */
export interface MedusaDelivery {
  topic: MedusaTopic;
  /** Unique per event: a redelivery with the same key is recognised and changes nothing. */
  key: string;
  record: unknown;
}

export type TakeOutcome = "applied" | "ignored" | "skipped" | "duplicate" | "failed";

/**
 * Kinship inside Medusa: the engine on Medusa's own Postgres (its tables come from this module's
 * migrations, run by `medusa db:migrate`), and the program this store is. Events go through the
 * engine's inbox, so a failure is recorded, retried by the scheduled job and finally kept as a
 * dead letter (`kinship dlq list|replay`) instead of being lost in the event bus.
 */
export default class KinshipModuleService {
  readonly options: KinshipOptions;
  readonly #logger: Logger;
  readonly #databaseUrl: string | undefined;
  #engine: Promise<Engine> | undefined;

  constructor({ logger, configModule }: InjectedDependencies, options: unknown) {
    this.options = parseOptions(options);
    this.#logger = logger;
    this.#databaseUrl = configModule.projectConfig.databaseUrl;
  }

  get program(): string {
    return this.options.program;
  }

  /** The engine, opened on first use, with this store's program in place. */
  engine(): Promise<Engine> {
    this.#engine ??= this.#open().catch((e) => {
      this.#engine = undefined;
      throw e;
    });
    return this.#engine;
  }

  /** Whether an event with this key was carried out (or dropped) already: a redelivery need not load anything. */
  async settled(key: string): Promise<boolean> {
    const engine = await this.engine();
    const status = await engine.inbox.status("medusa", this.program, key);
    return status !== null && status !== "queued";
  }

  /** Stores a Medusa event and carries it out at once; a failure stays queued for the scheduled retry. */
  async take(delivery: MedusaDelivery, now: Date): Promise<TakeOutcome> {
    const engine = await this.engine();
    const stored = await engine.inbox.receive(
      {
        source: "medusa",
        programKey: this.program,
        deliveryKey: delivery.key,
        topic: delivery.topic,
        payload: JSON.stringify(delivery.record),
        meta: {},
      },
      now,
    );
    if (stored.status !== "queued") return "duplicate";
    return this.run(stored.id, 0, now);
  }

  /** One run of an inbox row; the last allowed run turns a failure into a dead letter. */
  async run(inboxId: number, attemptsSoFar: number, now: Date): Promise<TakeOutcome> {
    const engine = await this.engine();
    const number = attemptsSoFar + 1;
    const [r] = await engine.deliveries.process(
      [{ id: inboxId, attempt: number, final: number >= this.options.attempts }],
      (row) => mapMedusa(row.topic, row.payload),
      now,
    );
    if (!r) return "failed";
    if (r.outcome !== "failed") {
      if (r.outcome !== "skipped" && r.note) this.#logger.debug(`kinship: event ${inboxId} ${r.outcome}: ${r.note}`);
      return r.outcome;
    }
    const what = r.final ? "dead: replay it once the cause is fixed (kinship dlq)" : "will retry";
    this.#logger.warn(`kinship: event ${inboxId} failed (run ${number} of ${this.options.attempts}), ${what}: ${r.reason}`);
    return "failed";
  }

  async #open(): Promise<Engine> {
    if (!this.#databaseUrl) throw new Error("@kinship/medusa: projectConfig.databaseUrl is not set");
    const engine = engineOn(await connect({ databaseUrl: this.#databaseUrl, max: this.options.poolSize }));
    try {
      await assertMigrated(engine);
      await this.#ensureProgram(engine);
      return engine;
    } catch (e) {
      await engine.close();
      throw e;
    }
  }

  async #ensureProgram(engine: Engine): Promise<void> {
    const found = await engine.program(this.program);
    if (found.ok) return;
    const created = await engine.createProgram({
      key: this.program,
      platform: "medusa",
      config: this.options.config,
      actor: "@kinship/medusa",
      now: new Date(),
    });
    if (!created.ok && created.error.code !== "ProgramExists")
      throw new Error(`@kinship/medusa: cannot create program ${this.program}: ${created.error.message}`);
    if (created.ok) this.#logger.info(`kinship: created program ${this.program}`);
  }

  __hooks = {
    onApplicationShutdown: async () => {
      const opened = this.#engine;
      this.#engine = undefined;
      if (opened) await (await opened.catch(() => null))?.close();
    },
  };
}

/** The engine's tables must exist: they are created by this module's migrations (`npx medusa db:migrate`). */
async function assertMigrated(engine: Engine): Promise<void> {
  const missing = await engine.host.pendingMigrations();
  if (missing.length > 0)
    throw new Error(
      `@kinship/medusa: the Kinship tables are not up to date (missing ${missing.join(", ")}): run \`npx medusa db:migrate\``,
    );
}
