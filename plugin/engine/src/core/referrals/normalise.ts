import type { Address } from "../events/schema.ts";

const GMAIL = new Set(["gmail.com", "googlemail.com"]);

/** An email as one mailbox: lower-case, `+alias` dropped, dots dropped in Gmail local parts (googlemail.com is gmail.com). */
export function normaliseEmail(email: string): string | null {
  const raw = email.trim().toLowerCase();
  const at = raw.lastIndexOf("@");
  if (at < 1) return null;
  let local = raw.slice(0, at).split("+")[0] ?? "";
  let domain = raw.slice(at + 1);
  if (GMAIL.has(domain)) {
    local = local.replaceAll(".", "");
    domain = "gmail.com";
  }
  return local && domain ? `${local}@${domain}` : null;
}

/** A phone number as its digits (at least 6, or it says nothing). */
export function normalisePhone(phone: string): string | null {
  const digits = phone.replace(/\D/g, "");
  return digits.length >= 6 ? digits : null;
}

/** An address as its letters and digits, lower-case: case, whitespace and punctuation do not tell two apart. */
export function normaliseAddress(a: Address): string | null {
  const part = (s: string | undefined) =>
    (s ?? "")
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "");
  const line = [a.line1, a.line2, a.city, a.postalCode, a.country].map(part);
  return line[0] || line[3] ? line.join("|") : null;
}

/** Contact facts kept for comparison only: normalised, then hashed (the order record holds no address, email or phone). */
export interface ContactPrints {
  email?: string;
  phone?: string;
  address?: string;
}

/** Two 53-bit string hashes (cyrb53) with different seeds: pure, so the core stays free of node:crypto. */
function hash53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const print = (kind: string, value: string) => `${hash53(`${kind}:${value}`, 1)}.${hash53(`${kind}:${value}`, 2)}`;

export function contactPrints(c: { email?: string | null; phone?: string | null; shippingAddress?: Address | null }): ContactPrints {
  const out: ContactPrints = {};
  const email = c.email ? normaliseEmail(c.email) : null;
  const phone = c.phone ? normalisePhone(c.phone) : null;
  const address = c.shippingAddress ? normaliseAddress(c.shippingAddress) : null;
  if (email) out.email = print("email", email);
  if (phone) out.phone = print("phone", phone);
  if (address) out.address = print("address", address);
  return out;
}
