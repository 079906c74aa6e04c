import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import { segmentChanges } from "./changes.ts";
import { recordSegmentPush } from "./pushed.ts";

/** Segment sync: what changed since the last push to each platform, and recording a push. */
export function segmentsPort(db: Db) {
  return {
    /** Members whose labels on the platform must change (keyset batches: pass `next` back as `after`). */
    changes: bind(db, segmentChanges),
    /** Records what the platform accepted (idempotent; an older version never overwrites a newer one). */
    pushed: bind(db, recordSegmentPush),
  };
}

export type SegmentsPort = ReturnType<typeof segmentsPort>;
