/** A random key for one submitted form; crypto.getRandomValues works outside secure contexts too. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * One idempotency key per submitted form: submitting the same values again before one went through
 * (a retry after a timeout, a double click) reuses its key, so the engine applies it once; once a
 * submission succeeded, or the values changed, the next one gets a fresh key.
 */
export class IdempotencyKeys {
  private pending: { fingerprint: string; key: string } | null = null;
  private readonly generate: () => string;

  constructor(generate: () => string = newIdempotencyKey) {
    this.generate = generate;
  }

  keyFor(form: unknown): string {
    const fingerprint = JSON.stringify(form);
    if (this.pending?.fingerprint !== fingerprint) this.pending = { fingerprint, key: this.generate() };
    return this.pending.key;
  }

  /** The submission of `form` went through: the same values submitted again are a new adjustment. */
  succeeded(form: unknown): void {
    if (this.pending?.fingerprint === JSON.stringify(form)) this.pending = null;
  }
}
