import { randomInt } from "node:crypto";

/** No 0/O, 1/I/L: a code read aloud or retyped from an email survives. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A promotion code for a redeemed reward, e.g. KIN-7QX4M2HD (≈ 40 bits of randomness). */
export function promotionCode(): string {
  let s = "";
  for (let i = 0; i < 8; i += 1) s += ALPHABET[randomInt(ALPHABET.length)];
  return `KIN-${s}`;
}
