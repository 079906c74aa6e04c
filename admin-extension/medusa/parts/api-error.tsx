import { Alert } from "@medusajs/ui";
import { toAdminApiError } from "../../shared/client.ts";
import { describeError } from "../../shared/error-text.ts";

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
