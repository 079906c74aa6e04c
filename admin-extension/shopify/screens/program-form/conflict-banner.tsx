import { Banner, Text } from "@shopify/polaris";

/** Another owner saved the program after this screen loaded it: nothing of ours was saved (worded as the Settings screen words it). */
export function ConflictBanner({ onReload }: { onReload: () => void }) {
  return (
    <div role="alert" data-code="ConfigConflict">
      <Banner
        tone="warning"
        title="Someone else saved the program since you opened it"
        action={{ content: "Reload their version", onAction: onReload }}
      >
        <Text as="p">Nothing was saved. Reload to see their changes, then make yours again.</Text>
      </Banner>
    </div>
  );
}
