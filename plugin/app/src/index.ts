export * from "./config.ts";
export * from "./main.ts";
export * from "./server.ts";
