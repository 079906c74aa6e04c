import type { Period } from "../config/schema.ts";
import { inZone } from "../time.ts";

/** The cap bucket an instant falls in, in the program's zone: "2026-11", "2026-W47", "all". */
export function periodKey(period: Period, at: Date, zone: string): string {
  const local = inZone(at, zone);
  switch (period) {
    case "day":
      return local.toFormat("yyyy-MM-dd");
    case "week":
      return local.toFormat("kkkk-'W'WW");
    case "month":
      return local.toFormat("yyyy-MM");
    case "year":
      return local.toFormat("yyyy");
    case "lifetime":
      return "all";
  }
}
