import { Card, Page, Text } from "@shopify/polaris";

/** Placeholder: the shopify-screens branch builds this screen; the shell only routes to it. */
export function EarnRulesScreen() {
  return (
    <Page title="Earn rules">
      <Card>
        <Text as="p">This screen is being built.</Text>
      </Card>
    </Page>
  );
}
