import { CliError, type CommandSpec, stringOption, UsageError, withEngine, writeLine } from "../context.ts";
import { isShopifyDomainForCli } from "../shopify-domain.ts";

export const shopsConnectCommand: CommandSpec = {
  name: "shops connect",
  summary: "register a Shopify shop (custom-app install) and create its program",
  positionals: ["shop-domain"],
  options: {
    "access-token": { type: "string", arg: "<token>", help: "the custom app's Admin API access token (shpat_…), required" },
    currency: { type: "string", arg: "<code>", help: "the shop's currency for a new program (default USD)" },
  },
  description: "Re-running it for a connected or uninstalled shop updates its token and marks it installed again.",
  async run({ io, values, positionals, clock }) {
    const domain = (positionals[0] ?? "").toLowerCase();
    const token = stringOption(values, "access-token");
    if (!token) throw new UsageError("--access-token <token> is required");
    if (!isShopifyDomainForCli(domain)) throw new CliError(`not a shop domain: ${domain} (expected <name>.myshopify.com)`);
    return withEngine(io, async (engine) => {
      const connected = await engine.shops.connect(domain, token, clock(), stringOption(values, "currency") ?? "USD");
      if (!connected.ok) throw new CliError(connected.error.message);
      await writeLine(io.stdout, `connected ${domain}: program ${connected.value.programKey}; Shopify webhooks are accepted for it`);
      return 0;
    });
  },
};
