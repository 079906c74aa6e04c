import { Banner, BlockStack, Card, List, Text } from "@shopify/polaris";
import { type ReactNode, useId } from "react";
import { formatNumber } from "../../../shared/format.ts";
import type { Tier } from "../../../shared/program-config.ts";
import { useTierPreview } from "../../../shared/screen-hooks.ts";
import type { TierPreview } from "../../../shared/types.ts";
import { useDebounced } from "../../../shared/use-debounced.ts";
import { ApiErrorBanner } from "../program-form/api-error-banner.tsx";

const PREVIEW_DELAY_MS = 400;

/** What members would do if the draft tiers were saved: only asked when the tiers differ from the saved ones. */
export function TierPreviewCard({ draft, saved }: { draft: Tier[]; saved: Tier[] }) {
  const headingId = useId();
  const settled = useDebounced(draft, PREVIEW_DELAY_MS);
  const changed = settled !== saved && JSON.stringify(settled) !== JSON.stringify(saved);
  const preview = useTierPreview(changed ? settled : null);
  // The hook's keepPreviousData widens `data`'s type; the value is always a TierPreview.
  const data = preview.data as TierPreview | undefined;
  const waiting = draft !== settled || preview.isFetching;
  if (JSON.stringify(draft) === JSON.stringify(saved)) return null;

  let body: ReactNode;
  if (preview.isError) body = <ApiErrorBanner error={preview.error} title="No preview for these tiers." />;
  else if (!data) body = <Text as="p">Counting the members these tiers would move…</Text>;
  else {
    const { up, down, members, tiers } = data;
    const moved = tiers.filter((t) => t.before !== t.after);
    body = (
      <BlockStack gap="200">
        <Text as="p" variant="bodyLg" fontWeight="semibold">
          {up === 0 && down === 0
            ? `No member would change tier (${formatNumber(members)} members).`
            : `${formatNumber(up)} ${up === 1 ? "member" : "members"} would move up, ${formatNumber(down)} down.`}
        </Text>
        {moved.length > 0 ? (
          <List type="bullet">
            {moved.map((t) => (
              <List.Item key={t.tier}>
                {t.name}: {formatNumber(t.before)} → {formatNumber(t.after)}
              </List.Item>
            ))}
          </List>
        ) : null}
      </BlockStack>
    );
  }
  return (
    <section aria-labelledby={headingId} aria-busy={waiting} data-preview="">
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd" id={headingId}>
            If you save these tiers
          </Text>
          <Banner tone="info">
            <div role="status" aria-live="polite">
              {body}
            </div>
          </Banner>
          <Text as="p" tone="subdued">
            Counted from today's members, overrides and grace included. Nothing changes until you save.
          </Text>
        </BlockStack>
      </Card>
    </section>
  );
}
