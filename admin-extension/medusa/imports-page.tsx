import { Container, Heading, Text } from "@medusajs/ui";
import { useId } from "react";
import { useImportUpload } from "../shared/import-hooks.ts";
import type { SplitLimits } from "../shared/import-upload.ts";
import { ImportHistory } from "./imports/import-history.tsx";
import { ImportReport } from "./imports/import-report.tsx";
import { ImportUploadForm } from "./imports/upload-form.tsx";

/** Loyalty → Import members: another loyalty app's export, checked first (every bad row by line), then applied with progress. */
export function ImportsPage({ limits }: { limits?: SplitLimits } = {}) {
  const headingId = useId();
  const upload = useImportUpload(limits ? { limits } : {});
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" role="region" aria-labelledby={headingId}>
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <Heading level="h1" id={headingId}>
            Import members
          </Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Bring members, points, tiers and referral codes from another loyalty app. The file is checked first; nothing is imported while
            it has bad rows.
          </Text>
        </div>
        <ImportUploadForm upload={upload} />
        <ImportReport upload={upload} />
      </Container>
      <ImportHistory />
    </div>
  );
}
