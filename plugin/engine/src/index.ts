export * from "./core/index.ts";
export * from "./engine.ts";
export * from "./graphql/index.ts";
export * from "./store/index.ts";
