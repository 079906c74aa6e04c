/** An engine failure inside a workflow step; the route reads the code back from the message prefix. */
export class KinshipStepError extends Error {
  override readonly name = "KinshipStepError";
  readonly code: string;
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.code = code;
  }
}

/** The engine code of a failed workflow's message ("InsufficientPoints: ..."), or a generic one. */
export function codeOfWorkflowError(message: string): { code: string; message: string } {
  const m = /^([A-Z][A-Za-z]+): ([\s\S]*)$/.exec(message);
  return m?.[1] && m[2] !== undefined ? { code: m[1], message: m[2] } : { code: "DiscountFailed", message };
}
