import { randomBytes } from "node:crypto";

/**
 * 32 symbols with nothing to mistake when a code is read off a screen or aloud: no 0/O, no 1/I.
 * A power of two, so the low five bits of a random byte pick one without bias.
 */
export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A discount code such as KIN-7K3Q-MX9D: 40 random bits from the OS's CSPRNG. */
export function generateCode(prefix = "KIN"): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b & 31]).join("");
  return `${prefix}-${chars.slice(0, 4)}-${chars.slice(4)}`;
}
