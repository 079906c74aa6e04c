import type { Db } from "../db/connect.ts";

/** Segment sync: what changed since the last push to each platform, and recording a push (helper: segment sync). */
export function segmentsPort(_db: Db) {
  return {};
}

export type SegmentsPort = ReturnType<typeof segmentsPort>;
