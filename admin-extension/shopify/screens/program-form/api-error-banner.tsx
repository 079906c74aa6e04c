import { Banner } from "@shopify/polaris";
import { toAdminApiError } from "../../../shared/client.ts";
import { describeError } from "../../../shared/error-text.ts";

/** A failed call as a critical banner, with the engine's issues listed. */
export function ApiErrorBanner({ error, title }: { error: unknown; title?: string }) {
  const e = toAdminApiError(error);
  return (
    <div role="alert" data-code={e.code}>
      <Banner tone="critical" title={title}>
        <p>{describeError(e)}</p>
        {e.issues && e.issues.length > 0 ? (
          <ul>
            {e.issues.map((issue, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
              <li key={i}>{issue}</li>
            ))}
          </ul>
        ) : null}
      </Banner>
    </div>
  );
}
