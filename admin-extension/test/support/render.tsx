import { Toaster } from "@medusajs/ui";
import { QueryClient } from "@tanstack/react-query";
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterAll } from "vitest";
import type { AdminClient } from "../../shared/client.ts";
import { KinshipAdminProvider, KinshipQueryClientProvider } from "../../shared/hooks.ts";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Roots still mounted: unmounted before the file's DOM is torn down, so no pending timer (a debounce) fires into a window that is gone. */
const mounted = new Set<Root>();
afterAll(() => {
  for (const root of mounted) act(() => root.unmount());
  mounted.clear();
});

/**
 * Renders admin screens the way a host does: a QueryClient (the Medusa dashboard brings its own),
 * a client, and Medusa's toaster.
 */
export async function render(ui: ReactNode, client: AdminClient) {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  mounted.add(root);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  await act(async () =>
    root.render(
      <KinshipQueryClientProvider queryClient={queryClient}>
        <KinshipAdminProvider client={client}>
          {ui}
          <Toaster />
        </KinshipAdminProvider>
      </KinshipQueryClientProvider>,
    ),
  );
  return {
    container,
    queryClient,
    unmount: () => {
      act(() => root.unmount());
      mounted.delete(root);
      container.remove();
    },
  };
}

/** Lets pending requests, React Query and the resulting renders finish until `check` passes. */
export async function until(check: () => void, attempts = 200): Promise<void> {
  let last: unknown;
  for (let i = 0; i < attempts; i += 1) {
    try {
      check();
      return;
    } catch (e) {
      last = e;
    }
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
  throw last;
}

/** Lets in-flight work settle when there is nothing specific to wait for. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await act(() => new Promise((r) => setTimeout(r, 10)));
}
