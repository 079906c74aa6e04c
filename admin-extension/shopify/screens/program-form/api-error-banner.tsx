import { Banner } from "@shopify/polaris";
import { toAdminApiError } from "../../../shared/client.ts";
import { describeError } from "../../../shared/error-text.ts";
import { isSessionRefused, ApiErrorBanner as SessionAwareBanner } from "../../app/api-error.tsx";

/** A failed call as a critical banner, in words for the owner, with the engine's issues listed (a refused session as the shell says it). */
export function ApiErrorBanner({ error, title }: { error: unknown; title?: string }) {
  const e = toAdminApiError(error);
  if (isSessionRefused(e)) return <SessionAwareBanner error={e} />;
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
