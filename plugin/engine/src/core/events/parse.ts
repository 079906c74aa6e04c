import { type EngineError, err, ok, type Result } from "../result.ts";
import { CommerceEvent } from "./schema.ts";

export function parseEvent(input: unknown): Result<CommerceEvent, Extract<EngineError, { code: "InvalidEvent" }>> {
  const parsed = CommerceEvent.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  return err({ code: "InvalidEvent", message: `malformed event: ${issues.join("; ")}`, issues });
}
