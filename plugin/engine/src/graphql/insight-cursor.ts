import { SEGMENTS, type SegmentKey } from "../core/index.ts";
import type { SegmentKeyset } from "../store/insight/members.ts";
import { badInput } from "./errors.ts";

/** Opaque to clients: base64url of the segment and where its page ended (lifetime value, member id). */
export function encodeSegmentCursor(segment: SegmentKey, at: SegmentKeyset): string {
  return Buffer.from(`segment:${segment}:${at.lifetimeValue}:${at.memberId}`, "utf8").toString("base64url");
}

/** Where the previous page of this segment ended; a cursor of another segment (or none of ours) is refused. */
export function decodeSegmentCursor(cursor: string, segment: SegmentKey): SegmentKeyset {
  const m = /^segment:([a-z_]+):(\d{1,19}):([1-9]\d{0,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const [, of, value, id] = m ?? [];
  if (!of || !value || !id || !(SEGMENTS as readonly string[]).includes(of) || !Number.isSafeInteger(Number(id)))
    throw badInput("after is not a segment cursor from this API");
  if (of !== segment)
    throw badInput(`after is a cursor of the ${of.toUpperCase()} segment: pass the same segment, or start again without after`);
  return { lifetimeValue: value, memberId: Number(id) };
}
