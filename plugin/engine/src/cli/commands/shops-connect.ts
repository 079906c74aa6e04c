import { CliError, type CommandSpec, messageOf, stringOption, UsageError, withEngine, writeLine } from "../context.ts";
import { isShopifyDomainForCli } from "../shopify-domain.ts";

export const shopsConnectCommand: CommandSpec = {
  name: "shops connect",
  summary: "register a Shopify shop (custom-app install) and create its program",
  positionals: ["shop-domain"],
  options: {
    "access-token": { type: "string", arg: "<token>", help: "the custom app's Admin API access token (shpat_…), required" },
    currency: { type: "string", arg: "<code>", help: "the currency of a new program (default: the shop's, read from Shopify)" },
    timezone: { type: "string", arg: "<zone>", help: "the IANA time zone of a new program (default: the shop's, read from Shopify)" },
  },
  description: [
    "Re-running it for a connected or uninstalled shop updates its token and marks it installed again",
    "(a program that exists keeps its currency and time zone).",
    "Without --currency and --timezone both, the shop's are read from Shopify with the token",
    "(`shop { currencyCode ianaTimezone }`): `npx kinship-shopify shops connect …`, the Shopify app's",
    "CLI, does that; this `kinship` talks to no platform and needs both options.",
  ].join("\n"),
  async run({ io, values, positionals, clock, services }) {
    const domain = (positionals[0] ?? "").toLowerCase();
    const token = stringOption(values, "access-token");
    if (!token) throw new UsageError("--access-token <token> is required");
    if (!isShopifyDomainForCli(domain)) throw new CliError(`not a shop domain: ${domain} (expected <name>.myshopify.com)`);
    let currency = stringOption(values, "currency");
    let timezone = stringOption(values, "timezone");
    // Shopify is asked before anything is stored: a failed query leaves no program in a guessed currency.
    if (currency === undefined || timezone === undefined) {
      if (!services.shopSettings)
        throw new CliError(
          `pass --currency and --timezone: this kinship cannot read ${domain}'s from Shopify (npx kinship-shopify shops connect can)`,
        );
      let read: { currency: string; timezone: string };
      try {
        read = await services.shopSettings(domain, token);
      } catch (e) {
        throw new CliError(`${messageOf(e)}; nothing was stored (or pass --currency and --timezone)`);
      }
      currency ??= read.currency;
      timezone ??= read.timezone;
    }
    return withEngine(io, async (engine) => {
      const connected = await engine.shops.connect(domain, token, clock(), currency, timezone);
      if (!connected.ok) {
        const { error } = connected;
        throw new CliError(error.message, "issues" in error ? error.issues.map((i) => `- ${i}`) : []);
      }
      const program = await engine.program(domain);
      const config = program.ok ? `, ${program.value.config.currency}, ${program.value.config.timezone}` : "";
      await writeLine(
        io.stdout,
        `connected ${domain}: program ${connected.value.programKey}${config}; Shopify webhooks are accepted for it`,
      );
      return 0;
    });
  },
};
