#!/usr/bin/env -S node --disable-warning=ExperimentalWarning
// The worker process, `npx kinship-worker`: applies queued deliveries (bull on REDIS_URL) to the
// engine (Postgres on DATABASE_URL), runs the engine's clock and the sync back to Shopify. Node 24 runs the TypeScript sources directly (type
// stripping); under npx or npm scripts `node` is the repo's pinned Node 24 (its `node` dev dependency).
import module from "node:module";

const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  process.stderr.write(
    `kinship-worker: needs Node.js 24 or newer, this is ${process.version}; run it as \`npx kinship-worker\` or through npm scripts\n`,
  );
  process.exit(1);
}

module.enableCompileCache?.();

const { runWorker } = await import("../src/worker.ts");
process.exitCode = await runWorker(process.env);
