import { Banner } from "@shopify/polaris";

/** Another owner saved the program after this screen loaded it: nothing of ours was saved. */
export function ConflictBanner({ onReload }: { onReload: () => void }) {
  return (
    <div role="alert" data-code="ConfigConflict">
      <Banner tone="critical" title="Someone else changed the program" action={{ content: "Reload their version", onAction: onReload }}>
        <p>
          Another owner saved the loyalty program while you were editing it, so your changes were not saved. Reload to see their version,
          then make your changes again.
        </p>
      </Banner>
    </div>
  );
}
