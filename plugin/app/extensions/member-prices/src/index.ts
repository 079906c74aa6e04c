export { cartLinesDiscountsGenerateRun } from "./run.ts";
