export * from "./core/index.ts";
export * from "./engine.ts";
export * from "./store/index.ts";
