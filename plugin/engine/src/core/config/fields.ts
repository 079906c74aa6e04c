import { z } from "zod";

/** Field shapes every part of the program config shares. */
export const factor = z.number().positive().max(100);
export const nonNegInt = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const key = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "lowercase letters, digits, _ and -");
export const isoInstant = z.iso.datetime({ offset: true });
export const platformId = z.string().min(1).max(200);
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, "ISO 4217 code such as USD");

export const Period = z.enum(["day", "week", "month", "year", "lifetime"]);
export type Period = z.infer<typeof Period>;

/** What a code given to a shopper takes off (rewards, a referee's welcome code). */
export const DiscountKind = z.enum(["amountOff", "percentOff", "freeShipping"]);
export type DiscountKind = z.infer<typeof DiscountKind>;

/** A custom event name as custom rules name it after `custom:` (review.created). */
export const customEventName = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, "custom event names look like review.created");
