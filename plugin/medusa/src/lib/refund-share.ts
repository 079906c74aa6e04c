/**
 * The merchandise part of a payment refund. Medusa refunds money (merchandise, tax and shipping
 * together) without saying which lines it was for; Kinship earns on merchandise after discounts,
 * so a refund takes back the same share of the points as it is of the order's total:
 * merchandise × refund / total, rounded half up, never more than the merchandise. Integer minor units.
 */
export function merchandiseShare(refund: number, orderTotal: number, merchandise: number): number {
  for (const [name, v] of Object.entries({ refund, orderTotal, merchandise }))
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
  if (orderTotal === 0 || refund === 0) return 0;
  if (refund >= orderTotal) return merchandise;
  const n = BigInt(merchandise) * BigInt(refund);
  const d = BigInt(orderTotal);
  return Number((2n * n + d) / (2n * d));
}
