import { Card, Page, Text } from "@shopify/polaris";

/** Placeholder: the shopify-screens branch builds this screen; the shell only routes to it. */
export function DashboardScreen() {
  return (
    <Page title="Dashboard">
      <Card>
        <Text as="p">This screen is being built.</Text>
      </Card>
    </Page>
  );
}
