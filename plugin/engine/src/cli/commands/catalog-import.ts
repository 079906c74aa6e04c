import { CliError, type CommandSpec, messageOf, readSource, SHOP, selectProgram, withEngine, writeLine } from "../context.ts";

export const catalogImportCommand: CommandSpec = {
  name: "catalog import",
  summary: "import variants and their prices (JSON lines) for member prices",
  positionals: ["file.jsonl"],
  options: { ...SHOP },
  description: [
    'Each non-blank line is one variant: { "variantId": "…", "productId": "…", "collectionIds": ["…"],',
    '"price": 1999, "currency": "USD" } (price in minor units; ids are strings). A variant already',
    "imported is replaced. Every line is validated first; if any is bad, nothing is written.",
    "Use - to read standard input.",
  ].join("\n"),
  async run({ io, values, positionals, clock }) {
    const file = positionals[0] ?? "-";
    const text = await readSource(io, file);
    const { VariantInput } = await import("../../store/catalog/catalog.ts");
    const variants: unknown[] = [];
    const bad: string[] = [];
    text
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .forEach((raw, i) => {
        if (raw.trim() === "") return;
        let value: unknown;
        try {
          value = JSON.parse(raw);
        } catch (e) {
          bad.push(`line ${i + 1}: not JSON: ${messageOf(e)}`);
          return;
        }
        const parsed = VariantInput.safeParse(value);
        if (parsed.success) variants.push(parsed.data);
        else for (const issue of parsed.error.issues) bad.push(`line ${i + 1}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
      });
    if (bad.length > 0) throw new CliError(`invalid lines in ${file}; nothing imported`, bad);

    return withEngine(io, async (engine) => {
      const key = await selectProgram(engine, values);
      const done = await engine.catalog.upsert(key, variants, clock());
      if (!done.ok) throw new CliError(done.error.message);
      const n = done.value.upserted;
      await writeLine(io.stdout, `${key}: imported ${n} ${n === 1 ? "variant" : "variants"} from ${file}`);
      return 0;
    });
  },
};
