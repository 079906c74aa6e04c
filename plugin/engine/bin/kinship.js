#!/usr/bin/env -S node --disable-warning=ExperimentalWarning
// The `kinship` CLI. Node 24 runs the TypeScript sources directly (type stripping).
import module from "node:module";

const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  process.stderr.write(
    `kinship: needs Node.js 24 or newer, this is ${process.version}; run it as \`npx kinship\` or through npm scripts\n`,
  );
  process.exit(1);
}

// Reuse compiled code across runs (a cache in the OS temp folder): starts noticeably faster.
module.enableCompileCache?.();

process.stdout.on("error", (error) => {
  // `kinship members list | head`: the reader left, stop quietly.
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
