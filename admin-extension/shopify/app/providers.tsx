import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json" with { type: "json" };
import { type ReactNode, useState } from "react";
import { standaloneAdminClient } from "../../shared/client.ts";
import { KinshipAdminProvider, KinshipQueryClientProvider } from "../../shared/hooks.ts";
import { bridge } from "./bridge.ts";
import { Router } from "./router.tsx";

/**
 * What every screen runs inside: Polaris (English), one QueryClient, the Kinship admin client
 * (POST /admin/graphql with a fresh App Bridge session token per call), and the router.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(() => standaloneAdminClient({ token: () => bridge().idToken() }));
  return (
    <AppProvider i18n={en}>
      <KinshipQueryClientProvider>
        <KinshipAdminProvider client={client}>
          <Router>{children}</Router>
        </KinshipAdminProvider>
      </KinshipQueryClientProvider>
    </AppProvider>
  );
}
