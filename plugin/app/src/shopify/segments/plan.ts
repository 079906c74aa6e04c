import type { SegmentChange } from "@kinship/engine";
import { customerGid, METAFIELDS_PER_CALL, TAGGED_PER_CALL } from "../sync/operations.ts";
import type { MetafieldInput } from "../sync/plan.ts";

/** The merchant's namespace for the segment metafields: Shopify segments, Flow and themes read kinship.segment. */
export const SEGMENT_NAMESPACE = "kinship";
export const SEGMENT_KEY = "segment";
export const RFM_KEY = "rfm";

export interface MetafieldIdentifier {
  ownerId: string;
  namespace: string;
  key: string;
}

/** Customers whose tags change, TAGGED_PER_CALL per call (those with only a metafield to write are left out). */
export function segmentTagCalls(changes: readonly SegmentChange[]): SegmentChange[][] {
  const tagged = changes.filter((c) => c.add.length + c.remove.length > 0);
  const calls: SegmentChange[][] = [];
  for (let i = 0; i < tagged.length; i += TAGGED_PER_CALL) calls.push(tagged.slice(i, i + TAGGED_PER_CALL));
  return calls;
}

/** kinship.segment and kinship.rfm of each customer with a segment to show; a customer's never straddle two calls. */
export function segmentMetafieldCalls(changes: readonly SegmentChange[]): MetafieldInput[][] {
  const perCustomer = changes
    .filter((c) => c.segment !== null)
    .map((c) => {
      const ownerId = customerGid(c.customerId);
      const fields: MetafieldInput[] = [
        { ownerId, namespace: SEGMENT_NAMESPACE, key: SEGMENT_KEY, type: "single_line_text_field", value: c.segment ?? "" },
      ];
      if (c.rfm) fields.push({ ownerId, namespace: SEGMENT_NAMESPACE, key: RFM_KEY, type: "json", value: JSON.stringify(c.rfm) });
      return fields;
    });
  const calls: MetafieldInput[][] = [];
  let call: MetafieldInput[] = [];
  for (const fields of perCustomer) {
    if (call.length + fields.length > METAFIELDS_PER_CALL) {
      calls.push(call);
      call = [];
    }
    call.push(...fields);
  }
  if (call.length > 0) calls.push(call);
  return calls;
}

/** The segment metafields of customers whose segment is no longer shown (unchecked, sync off). */
export function segmentMetafieldDeletes(changes: readonly SegmentChange[]): MetafieldIdentifier[][] {
  const ids = changes
    .filter((c) => c.segment === null && c.pushedSegment !== null)
    .flatMap((c) => [SEGMENT_KEY, RFM_KEY].map((key) => ({ ownerId: customerGid(c.customerId), namespace: SEGMENT_NAMESPACE, key })));
  const calls: MetafieldIdentifier[][] = [];
  for (let i = 0; i < ids.length; i += METAFIELDS_PER_CALL - 1) calls.push(ids.slice(i, i + METAFIELDS_PER_CALL - 1));
  return calls;
}
