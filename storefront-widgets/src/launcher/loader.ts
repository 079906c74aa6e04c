/**
 * The launcher's part of the page's initial script (dist/launcher-loader.js): the button is in
 * the page already (the block renders it); the panel's code (`data-src`, launcher.js) is fetched
 * on the first click only, then takes the button over.
 */
export interface LauncherApi {
  /** Takes over `button` (its `aria-controls` names the dialog) and returns its panel. */
  mount(button: HTMLButtonElement): { open(): void };
}

declare global {
  interface Window {
    kinshipLauncher?: LauncherApi;
  }
}

/** Adds `<script src>` to the document; settles when it ran or failed. */
export function scriptLoader(doc: Document): (src: string) => Promise<void> {
  return (src) =>
    new Promise((resolve, reject) => {
      const script = doc.createElement("script");
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => {
        script.remove();
        reject(new Error(`could not load ${src}`));
      };
      doc.head.append(script);
    });
}

export function installLoader(doc: Document, load = scriptLoader(doc)): void {
  const button = doc.getElementById("kinship-launcher-button") as HTMLButtonElement | null;
  if (!button || button.dataset.loader) return;
  button.dataset.loader = "1";
  let loading = false;
  const first = () => {
    const ready = window.kinshipLauncher;
    if (ready) {
      button.removeEventListener("click", first);
      return ready.mount(button).open();
    }
    if (loading) return;
    loading = true;
    button.setAttribute("aria-busy", "true");
    const done = () => {
      loading = false;
      button.removeAttribute("aria-busy");
    };
    // Offline or blocked: the next click tries again.
    load(button.dataset.src || "").then(() => {
      done();
      if (window.kinshipLauncher) first();
    }, done);
  };
  button.addEventListener("click", first);
}
