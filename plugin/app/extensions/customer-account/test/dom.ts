import { Window } from "happy-dom";
import { vi } from "vitest";

/**
 * A happy-dom document as the global `document` Preact renders into, leaving Node's fetch alone
 * (the real server and msw live in this process too).
 */
export function useDom() {
  const window = new Window({ url: "https://shop.example/account" });
  vi.stubGlobal("document", window.document);
  return {
    window,
    container(): HTMLElement {
      const div = window.document.createElement("div");
      window.document.body.appendChild(div);
      return div as unknown as HTMLElement;
    },
    async close() {
      vi.unstubAllGlobals();
      await window.happyDOM.close();
    },
  };
}

/** Waits until `check` passes (the page answers from a real server), failing with its last error. */
export async function until(check: () => void, timeoutMs = 15_000): Promise<void> {
  const start = performance.now();
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (performance.now() - start > timeoutMs) throw e;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
