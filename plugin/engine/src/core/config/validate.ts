import { type EngineError, err, ok, type Result } from "../result.ts";
import { ProgramConfig } from "./schema.ts";

export function validateConfig(input: unknown): Result<ProgramConfig, Extract<EngineError, { code: "InvalidConfig" }>> {
  const parsed = ProgramConfig.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  return err({ code: "InvalidConfig", message: `invalid program config: ${issues.join("; ")}`, issues });
}
