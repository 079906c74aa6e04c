import { toAdminApiError } from "./client.ts";
import { formatNumber } from "./format.ts";

/** What a failed call means for the person at the screen, in either admin. */
export function describeError(error: unknown): string {
  const e = toAdminApiError(error);
  switch (e.code) {
    case "InsufficientPoints": {
      const available = Number(e.details.available);
      const requested = Number(e.details.requested);
      return Number.isFinite(available) && Number.isFinite(requested)
        ? `Insufficient points: the customer has ${formatNumber(available)} points available, so ${formatNumber(requested)} cannot be deducted.`
        : `Insufficient points: ${e.message}`;
    }
    case "InvalidConfig":
      return "The program was not saved: fix the problems shown next to the fields.";
    case "ConfigConflict":
      return "Someone else saved the program while you were editing it. Reload to see their version; your unsaved changes here will be dropped.";
    case "InvalidEvent":
      return `The engine refused this change: ${e.message}`;
    case "InvalidPerkCodes":
      return "No codes were imported: fix these codes and import them again.";
    case "UnknownPartner":
      return "This partner is not in the saved program yet: save the program, then import its codes.";
    default:
      return e.message;
  }
}
