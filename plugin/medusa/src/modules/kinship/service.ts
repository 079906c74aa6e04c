import { connect, type Engine, engineOn } from "@kinship/engine";
import { MappingError, mapCustom } from "@kinship/webhooks/mappers";
import { checkCustomSignature } from "@kinship/webhooks/signing";
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

/** A custom event as a Medusa project sends it (POST /hooks/kinship/events, or applyKinshipEventWorkflow). */
export interface KinshipCustomEvent {
  /** The sender's unique id for the fact: a resend with the same id changes nothing. */
  id: string;
  /** What happened, as rules name it after `custom:` (review.created). */
  name: string;
  customerId: string;
  /** ISO 8601 with an offset. */
  occurredAt: string;
  payload?: Record<string, unknown>;
}

/** What a signed custom event got: the HTTP status the route answers, and why. */
export interface CustomReply {
  status: 200 | 202 | 400 | 401;
  body: { ok: boolean; outcome: TakeOutcome | "unauthorized" | "invalid"; error?: string };
}

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

  /**
   * A custom event (a review, a POS sale, a check-in): checked, then stored under `custom:<id>` and
   * applied once. A malformed event is refused with its reason and nothing is stored.
   */
  async takeCustom(rawBody: string, now: Date): Promise<CustomReply> {
    let id: string;
    try {
      const mapped = mapCustom(rawBody);
      const [event] = mapped.kind === "apply" ? mapped.inputs : [];
      id = (event as { key: string }).key;
    } catch (e) {
      if (e instanceof MappingError) return { status: 400, body: { ok: false, outcome: "invalid", error: e.message } };
      throw e;
    }
    const outcome = await this.take({ topic: "custom", key: `custom:${id}`, record: JSON.parse(rawBody) }, now);
    return { status: outcome === "failed" ? 202 : 200, body: { ok: outcome !== "failed", outcome } };
  }

  /**
   * A custom event sent to the plugin's route, signed as the server's POST /webhooks/events is:
   * HMAC-SHA256 of `<timestamp>.<raw body>` with the program's secret. A bad or missing signature,
   * another program or a stale timestamp gets 401 and nothing is stored.
   */
  async takeSignedCustom(
    request: { rawBody: string; program: string | undefined; timestamp: string | undefined; signature: string | undefined },
    now: Date,
  ): Promise<CustomReply> {
    const engine = await this.engine();
    const secret =
      request.program === undefined || request.program === this.program ? await engine.programs.webhookSecret(this.program) : null;
    const check = checkCustomSignature({ ...request, secret, now });
    if (!check.ok) {
      this.#logger.warn(`kinship: custom event refused (${check.reason})`);
      return { status: 401, body: { ok: false, outcome: "unauthorized", error: check.error } };
    }
    return this.takeCustom(request.rawBody, now);
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
      // Kinship's events go out on Medusa's event bus (kinship.<topic>): the outbox fills this sink's deliveries.
      await engine.events.ensureSink(this.program, "medusa");
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
