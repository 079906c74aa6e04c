import { Banner, Text } from "@shopify/polaris";
import { type AdminApiError, toAdminApiError } from "../../shared/client.ts";

/** The session token was refused: a forged, expired or foreign token, or a shop not connected. */
export function isSessionRefused(error: AdminApiError): boolean {
  return error.code === "UNAUTHENTICATED" || error.details.status === 401;
}

export const SESSION_REFUSED =
  "Kinship could not verify this session. Open Kinship again from your Shopify admin; if this keeps happening, reinstall the app.";

/** An API failure as a Banner: the session's own words when it was refused, the API's message otherwise. */
export function ApiErrorBanner({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const e = toAdminApiError(error);
  const refused = isSessionRefused(e);
  return (
    <Banner
      tone="critical"
      title={refused ? "Kinship could not verify this session" : (title ?? "Kinship could not load this")}
      {...(onRetry && !refused ? { action: { content: "Try again", onAction: onRetry } } : {})}
    >
      <Text as="p">{refused ? SESSION_REFUSED : e.message}</Text>
    </Banner>
  );
}
