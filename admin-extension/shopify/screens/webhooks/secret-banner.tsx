import { Banner, BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import { toast } from "../../app/toast.ts";

/** A signing secret, shown this once after it was made or rotated, with a copy button. */
export function SecretBanner({ url, secret, onDismiss }: { url: string; secret: string; onDismiss: () => void }) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      toast("Signing secret copied");
    } catch {
      toast("Could not copy: select the secret and copy it", { isError: true });
    }
  }
  return (
    <div role="alert" data-secret-banner>
      <Banner tone="warning" title="Copy the signing secret now: it is not shown again" onDismiss={onDismiss}>
        <BlockStack gap="200">
          <Text as="p" breakWord>
            Deliveries to {url} are signed with it (HMAC-SHA256 over the timestamp and the body).
          </Text>
          <InlineStack gap="200" blockAlign="center" wrap>
            <code data-secret style={{ overflowWrap: "anywhere", padding: "4px 8px", background: "var(--p-color-bg-surface-secondary)" }}>
              {secret}
            </code>
            <Button onClick={() => void copy()}>Copy secret</Button>
          </InlineStack>
        </BlockStack>
      </Banner>
    </div>
  );
}
