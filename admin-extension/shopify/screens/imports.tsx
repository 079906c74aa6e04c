import { BlockStack, Layout } from "@shopify/polaris";
import { useImportUpload } from "../../shared/import-hooks.ts";
import type { SplitLimits } from "../../shared/import-upload.ts";
import { ScreenFrame } from "../app/screen-frame.tsx";
import { ImportHistoryCard } from "./imports/history-card.tsx";
import { ImportReportCard } from "./imports/report-card.tsx";
import { UploadCard } from "./imports/upload-card.tsx";

/** Moving in: another loyalty app's export, checked first (every bad row by line), then applied with progress. */
export function ImportsScreen({ limits }: { limits?: SplitLimits } = {}) {
  const upload = useImportUpload(limits ? { limits } : {});
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
