import { BlockStack, Layout } from "@shopify/polaris";
import { useImportUpload } from "../../shared/import-hooks.ts";
import { ScreenFrame } from "../app/screen-frame.tsx";
import { ImportHistoryCard } from "./imports/history-card.tsx";
import { ImportReportCard } from "./imports/report-card.tsx";
import { UploadCard } from "./imports/upload-card.tsx";

/** Moving in: another loyalty app's export, checked first (every bad row by line), then applied with progress. */
export function ImportsScreen() {
  const upload = useImportUpload();
  return (
    <ScreenFrame title="Import members" subtitle="Bring members, points, tiers and referral codes from another loyalty app">
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <UploadCard upload={upload} />
            <ImportReportCard upload={upload} />
            <ImportHistoryCard />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </ScreenFrame>
  );
}
