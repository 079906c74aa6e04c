export * from "./intake/index.ts";
export * from "./mappers/index.ts";
export * from "./queue/index.ts";
export * from "./worker/index.ts";
