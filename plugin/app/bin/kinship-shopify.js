#!/usr/bin/env -S node --disable-warning=ExperimentalWarning
// The `kinship` CLI as the Shopify app runs it: `shops connect` reads the shop's currency and time zone from Shopify.
import module from "node:module";

const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  process.stderr.write(`kinship-shopify: needs Node.js 24 or newer, this is ${process.version}; run it as \`npx kinship-shopify\`\n`);
  process.exit(1);
}
module.enableCompileCache?.();

process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const { kinshipShopify } = await import("../src/kinship-cli.ts");
process.exitCode = await kinshipShopify(process.argv.slice(2));
