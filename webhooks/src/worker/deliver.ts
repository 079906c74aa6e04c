import type { CatalogLookup, DeliveryMapper, DeliveryResult, Engine } from "@kinship/engine";
import { type CoalesceOptions, coalesce } from "../coalesce.ts";
import type { Mapped } from "../mappers/types.ts";
import { type Attempt, type Logger, silentLogger } from "../queue/types.ts";

export type ShopifyMapper = (topic: string, rawBody: string) => Mapped;
export type CustomMapper = (rawBody: string) => Mapped;

/** The mappers of the sources this process takes; a row of another source fails (and is retried, then dead-lettered). */
export interface DeliveryDeps {
  engine: Engine;
  mapShopify?: ShopifyMapper;
  mapCustom?: CustomMapper;
  /** Reads what catalog webhooks leave out (a product's collections) from the platform; without it they fail and are retried. */
  catalog?: CatalogLookup;
  now: () => Date;
  log?: Logger;
}

/** What became of a delivery in this run. */
export type DeliveryOutcome =
  /** Carried out (or found already carried out by an earlier run). */
  | "applied"
  /** Nothing to do, or the program is gone. */
  | "ignored"
  /** The row is no longer queued (another run finished it) or no longer exists (shop erased). */
  | "skipped";

/** A failed run: the delivery is retried by the queue, or is now a dead letter if `final`. */
export class DeliveryFailed extends Error {
  override readonly name = "DeliveryFailed";
  readonly inboxId: number;
  readonly reason: string;
  readonly final: boolean;
  constructor(inboxId: number, reason: string, final: boolean) {
    super(`inbox ${inboxId}: ${reason}`);
    this.inboxId = inboxId;
    this.reason = reason;
    this.final = final;
  }
}

/**
 * The worker's whole job for one queue run: hand the delivery to the engine, which reads, maps,
 * applies and settles it, and turn the answer into a log line and, for a failure, a DeliveryFailed
 * for the queue to retry. First runs that arrive together go to the engine together (`options`),
 * so it can apply them in one transaction; retries go alone.
 */
export function deliveryHandler(
  deps: DeliveryDeps,
  options: CoalesceOptions | null,
): (inboxId: number, attempt: Attempt) => Promise<DeliveryOutcome> {
  const map = sourceMapper(deps);
  const processing = deps.catalog ? { catalog: deps.catalog } : {};
  const run = (jobs: { id: number; attempt: number; final: boolean }[]) =>
    deps.engine.deliveries.process(jobs, map, deps.now(), processing);
  const together = options && coalesce(run, options);
  return async (inboxId, attempt) => {
    const job = { id: inboxId, attempt: attempt.number, final: attempt.final };
    const result = together && attempt.number === 1 ? await together(job) : ((await run([job]))[0] as DeliveryResult);
    return outcomeOf(deps.log ?? silentLogger, result, attempt.number);
  };
}

/** One delivery, alone (a host's event, a test). */
export function processDelivery(deps: DeliveryDeps, inboxId: number, attempt: Attempt): Promise<DeliveryOutcome> {
  return deliveryHandler(deps, null)(inboxId, attempt);
}

function outcomeOf(log: Logger, r: DeliveryResult, attempt: number): DeliveryOutcome {
  if (r.outcome === "skipped") {
    log.debug({ inboxId: r.id, status: r.row?.status ?? "gone" }, "delivery already settled");
    return "skipped";
  }
  const fields = r.row
    ? { inboxId: r.id, source: r.row.source, topic: r.row.topic, program: r.row.programKey, attempt }
    : { inboxId: r.id, attempt };
  if (r.outcome === "failed") {
    if (r.final) log.error({ ...fields, reason: r.reason }, "delivery dead: replay it once the cause is fixed");
    else log.warn({ ...fields, reason: r.reason }, "delivery failed: will retry");
    throw new DeliveryFailed(r.id, r.reason, r.final);
  }
  log.info(r.note ? { ...fields, note: r.note } : fields, `delivery ${r.outcome}`);
  return r.outcome;
}

/** The engine's mapper for this process: each source to its mapper. */
export function sourceMapper(deps: Pick<DeliveryDeps, "mapShopify" | "mapCustom">): DeliveryMapper {
  return (row) => {
    const mapped =
      row.source === "shopify"
        ? deps.mapShopify?.(row.topic, row.payload)
        : row.source === "custom"
          ? deps.mapCustom?.(row.payload)
          : undefined;
    if (!mapped) throw new Error(`no mapper for ${row.source} deliveries in this process`);
    return mapped;
  };
}
