import { CliError, type CommandSpec, stringOption, UsageError, withEngine, writeLine } from "../context.ts";

export const apikeyCreateCommand: CommandSpec = {
  name: "apikey create",
  summary: "create an API key for headless access to a program's admin API",
  positionals: [],
  options: {
    shop: { type: "string", arg: "<key>", help: "program key (required)" },
    name: { type: "string", arg: "<label>", help: "what the key is for, e.g. erp-sync (default: api key)" },
  },
  description: "The key is printed once, alone on standard output; Kinship keeps only its SHA-256. Store it now.",
  async run({ io, values, clock }) {
    const shop = stringOption(values, "shop");
    if (!shop) throw new UsageError("--shop <key> is required");
    return withEngine(io, async (engine) => {
      const created = await engine.apiKeys.create(shop, stringOption(values, "name") ?? "", clock());
      if (!created.ok)
        throw new CliError(
          created.error.message,
          created.error.code === "ApiKeyExists" ? ["choose another --name, or revoke the old key first"] : ["see `kinship program list`"],
        );
      const { key, prefix, name } = created.value;
      await writeLine(io.stdout, key);
      io.stderr.write(`created API key ${prefix}… (${name}) for ${shop}; it is shown only this once\n`);
      return 0;
    });
  },
};
