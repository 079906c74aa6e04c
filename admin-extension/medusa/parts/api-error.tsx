import { Alert } from "@medusajs/ui";
import { toAdminApiError } from "../../shared/client.ts";
import { formatNumber } from "./format.ts";

/** What a failed call means for the person at the screen. */
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

/** An error the person should notice at once, with the engine's issues listed: announced to screen readers as it appears. */
export function ApiErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const e = toAdminApiError(error);
  return (
    <Alert variant="error" role="alert" data-code={e.code}>
      {title ? <strong>{title} </strong> : null}
      {describeError(e)}
      {e.issues && e.issues.length > 0 ? (
        <ul className="list-disc pl-5">
          {e.issues.map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
            <li key={i}>{issue}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
