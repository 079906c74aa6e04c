import { InlineGrid } from "@shopify/polaris";
import type { ReactNode } from "react";

/** Fields two to a row from medium screens up, one on small ones. */
export function FormGrid({ children, columns = 2 }: { children: ReactNode; columns?: 2 | 3 }) {
  return (
    <InlineGrid columns={{ xs: 1, md: columns }} gap="400">
      {children}
    </InlineGrid>
  );
}
