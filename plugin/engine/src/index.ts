// The engine's public door: the pure core, the Engine and how to open it, the GraphQL surfaces,
// and the store's types. The store's functions are the engine's own (`@kinship/engine/store` is
// for the engine's tests and benches); a face goes through the Engine's ports.
export * from "./core/index.ts";
export * from "./engine.ts";
export * from "./events/dispatch.ts";
export * from "./events/signature.ts";
export * from "./graphql/index.ts";
export { type Connection, type ConnectOptions, connect, type Db } from "./store/db/connect.ts";
export { hostMigrationScript } from "./store/db/migrate.ts";
export { migrations } from "./store/db/migrations/index.ts";
export type * from "./store/index.ts";
export { CONSERVATIVE_TOKEN_LIFETIME_MS } from "./store/programs/shop-tokens.ts";
export { parseTokenKey, TokenCipherError } from "./store/programs/token-cipher.ts";
