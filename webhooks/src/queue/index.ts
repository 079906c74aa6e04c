export { type BullQueueOptions, createBullQueue, jobIdOf } from "./bull.ts";
export { createMemoryQueue, type MemoryQueueOptions } from "./memory.ts";
export { type Attempt, backoffDelay, type InboxHandler, type InboxQueue, type Logger, silentLogger } from "./types.ts";
