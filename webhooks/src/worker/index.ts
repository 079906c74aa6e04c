export { DEFAULT_MAINTAIN_EVERY_MS, maintainAll, startClock } from "./clock.ts";
export {
  type CustomMapper,
  type DeliveryDeps,
  DeliveryFailed,
  type DeliveryOutcome,
  deliveryHandler,
  processDelivery,
  type ShopifyMapper,
  sourceMapper,
} from "./deliver.ts";
export { ENV_HELP, LOG_LEVELS, runWorkerProcess, type WorkerContext, type WorkerExtension } from "./main.ts";
export { type PeriodicTask, startWorker, type Worker, type WorkerOptions } from "./run.ts";
export { type Sweeper, type SweeperOptions, startSweeper } from "./sweeper.ts";
export { DEFAULT_WEBHOOKS_EVERY_MS, dispatchAllWebhooks } from "./webhooks.ts";
