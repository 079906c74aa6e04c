import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { defaultProgramConfig } from "../../core/config/default-program.ts";
import type { Platform } from "../../store/programs/programs.ts";
import { CliError, type CommandSpec, messageOf, stringOption, UsageError, withEngine, writeLine } from "../context.ts";

const PLATFORMS: readonly Platform[] = ["shopify", "medusa", "custom"];

export const programCreateCommand: CommandSpec = {
  name: "program create",
  summary: "create a loyalty program",
  positionals: [],
  options: {
    shop: { type: "string", arg: "<key>", help: "program key, e.g. my-store.myshopify.com (required)" },
    platform: { type: "string", arg: "<name>", help: "shopify | medusa | custom (default shopify)" },
    currency: { type: "string", arg: "<code>", help: "ISO 4217 currency of the default config (default USD)" },
    config: { type: "string", arg: "<file.json>", help: "program config as JSON instead of the default (see `program show`)" },
  },
  description:
    "Without --config the program gets the default config: tiers Member/Silver/Gold and\n1 point and 1 growth per whole currency unit of the order subtotal after discounts.",
  async run({ io, values, clock }) {
    const key = stringOption(values, "shop");
    if (!key) throw new UsageError("--shop <key> is required");
    const platform = stringOption(values, "platform") ?? "shopify";
    if (!isPlatform(platform)) throw new UsageError(`--platform must be one of ${PLATFORMS.join(", ")}, not ${JSON.stringify(platform)}`);
    const file = stringOption(values, "config");
    const currency = stringOption(values, "currency");
    if (file !== undefined && currency !== undefined)
      throw new UsageError("--currency applies to the default config; set it in the --config file");
    const config = file === undefined ? defaultProgramConfig(currency ?? "USD") : await readConfig(resolve(io.cwd, file));

    return withEngine(io, async (engine) => {
      const created = await engine.createProgram({ key, platform, config, actor: "cli", now: clock() });
      if (!created.ok) {
        const { error } = created;
        throw new CliError(error.message, "issues" in error ? error.issues.map((i) => `- ${i}`) : []);
      }
      const p = created.value;
      await writeLine(io.stdout, `created program ${p.key} (${p.platform}, ${p.config.currency}, config version ${p.configVersion})`);
      return 0;
    });
  },
};

function isPlatform(s: string): s is Platform {
  return (PLATFORMS as readonly string[]).includes(s);
}

async function readConfig(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new CliError(`cannot read config ${path}: ${messageOf(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`config ${path} is not valid JSON: ${messageOf(e)}`);
  }
}
