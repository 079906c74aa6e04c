import { Card, Layout, Page, SkeletonBodyText, SkeletonDisplayText } from "@shopify/polaris";
import type { ComponentProps, ReactNode } from "react";
import { ApiErrorBanner } from "./api-error.tsx";

type PageProps = Omit<ComponentProps<typeof Page>, "children" | "title">;

/**
 * A screen's Page: its title, then a skeleton while `loading`, a Banner (never data) when the
 * query failed, and the content once there is data.
 */
export function ScreenFrame({
  title,
  loading = false,
  error = null,
  onRetry,
  children,
  ...page
}: PageProps & { title: string; loading?: boolean; error?: unknown; onRetry?: () => void; children?: ReactNode }) {
  return (
    <Page title={title} {...page}>
      {error ? (
        <ApiErrorBanner error={error} {...(onRetry ? { onRetry } : {})} />
      ) : loading ? (
        <Layout>
          <Layout.Section>
            <Card>
              <SkeletonDisplayText size="small" />
              <SkeletonBodyText lines={4} />
            </Card>
          </Layout.Section>
        </Layout>
      ) : (
        children
      )}
    </Page>
  );
}
