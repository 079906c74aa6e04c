export { LOG_LEVELS } from "./main.ts";
export {
  type CustomMapper,
  type DeliveryDeps,
  DeliveryFailed,
  type DeliveryOutcome,
  processDelivery,
  type ShopifyMapper,
} from "./process-delivery.ts";
export { startWorker, type Worker, type WorkerOptions } from "./run.ts";
export { type Sweeper, type SweeperOptions, startSweeper } from "./sweeper.ts";
