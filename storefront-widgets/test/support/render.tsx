import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterAll } from "vitest";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Roots still mounted: unmounted before the file's DOM is torn down, so no pending timer fires into a window that is gone. */
const mounted = new Set<Root>();
afterAll(() => {
  for (const root of mounted) act(() => root.unmount());
  mounted.clear();
});

/** Renders into a fresh container under document.body and lets effects run. */
export async function render(ui: ReactNode) {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  mounted.add(root);
  await act(async () => root.render(ui));
  return {
    container,
    unmount: () => {
      act(() => root.unmount());
      mounted.delete(root);
      container.remove();
    },
  };
}

/** Lets the batcher's tick, the fake fetch and the resulting renders finish. */
export async function settle(ms = 20): Promise<void> {
  await act(() => new Promise((r) => setTimeout(r, ms)));
}
