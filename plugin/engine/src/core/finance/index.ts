export * from "./liability.ts";
export * from "./month.ts";
export * from "./roll-forward.ts";
export * from "./valuation.ts";
