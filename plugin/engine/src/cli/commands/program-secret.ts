import { CliError, type CommandSpec, flag, SHOP, selectProgram, withEngine, writeLine } from "../context.ts";

export const programSecretCommand: CommandSpec = {
  name: "program secret",
  summary: "print (or --rotate) the secret that signs the program's custom events",
  positionals: [],
  options: { ...SHOP, rotate: { type: "boolean", help: "replace it; senders must switch to the new one" } },
  description: "Senders sign POST /webhooks/events with X-Kinship-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + '.' + body)>.",
  run: ({ io, values }) =>
    withEngine(io, async (engine) => {
      const key = await selectProgram(engine, values);
      const secret = flag(values, "rotate") ? await engine.programs.rotateWebhookSecret(key) : await engine.programs.webhookSecret(key);
      if (!secret) throw new CliError(`program ${key} has no webhook secret yet: run with --rotate to create one`);
      await writeLine(io.stdout, secret);
      return 0;
    }),
};
