/** Where the dev sign-in's shell loads the shim from (this server, not Shopify's CDN). */
export const DEV_APP_BRIDGE = "/app/dev/app-bridge.js";
/** Where the shim trades the dev cookie for a session token of the demo shop. */
export const DEV_TOKEN = "/app/dev/token";

const CSS = `
ui-nav-menu{display:flex;flex-wrap:wrap;gap:4px;padding:8px 16px;background:#1a1a1a}
ui-nav-menu a{color:#fff;padding:6px 10px;border-radius:8px;text-decoration:none;font:500 13px/20px system-ui,sans-serif}
ui-nav-menu a:hover,ui-nav-menu a[aria-current=page]{background:#4a4a4a}
ui-nav-menu a:focus-visible,ui-save-bar button:focus-visible,ui-title-bar button:focus-visible{outline:2px solid #7cc4ff;outline-offset:2px}
ui-save-bar{display:none}
ui-save-bar[data-open]{display:flex;position:fixed;top:0;left:0;right:0;z-index:500;gap:8px;align-items:center;padding:8px 16px;background:#1a1a1a;color:#fff;font:600 14px/20px system-ui,sans-serif}
ui-save-bar[data-open]::before{content:"Unsaved changes";margin-right:auto}
ui-save-bar button,ui-title-bar button{font:500 13px/20px system-ui,sans-serif;padding:6px 12px;border-radius:8px;border:1px solid #8a8a8a;background:#fff;color:#1a1a1a;cursor:pointer}
ui-save-bar button[variant=primary],ui-title-bar button[variant=primary]{background:#303030;color:#fff;border-color:#303030}
ui-save-bar button[variant=primary]{background:#fff;color:#1a1a1a}
ui-save-bar button:not([variant]){background:transparent;color:#fff}
button[disabled]{opacity:.6;cursor:default}
ui-modal{display:none}
ui-modal[data-open]{display:flex;position:fixed;inset:0;z-index:1000;background:rgba(0,0,0,.5);align-items:center;justify-content:center;flex-direction:column}
ui-modal[data-open]>*{background:#fff;width:min(560px,92vw);box-sizing:border-box}
ui-modal[data-open]>ui-title-bar{order:-1;display:flex;gap:8px;align-items:center;padding:12px 16px;border-radius:12px 12px 0 0;border-bottom:1px solid #e3e3e3}
ui-modal[data-open]>ui-title-bar::before{content:attr(title);margin-right:auto;font:650 14px/20px system-ui,sans-serif}
ui-modal[data-open]>:not(ui-title-bar){border-radius:0 0 12px 12px}
.kinship-dev-toasts{position:fixed;bottom:24px;left:50%;transform:translateX(-50%);z-index:1100;display:flex;flex-direction:column;gap:8px;align-items:center}
.kinship-dev-toasts div{background:#1a1a1a;color:#fff;padding:10px 16px;border-radius:10px;font:500 14px/20px system-ui,sans-serif}
.kinship-dev-toasts div.error{background:#8e1f0b}
.kinship-dev-banner{background:#fff4e4;color:#4f2f00;padding:6px 16px;font:13px/20px system-ui,sans-serif}
`;

/**
 * A small stand-in for App Bridge v4 outside the Shopify admin (the dev sign-in, and the browser
 * tests' answer to the CDN URL): `shopify.idToken()` (a fixed `token`, or the demo shop's from
 * /app/dev/token with the dev cookie), `shopify.toast.show` into an aria-live region, and
 * `ui-nav-menu`, `ui-save-bar`, `ui-modal`, `ui-title-bar` as visible, keyboard-usable elements.
 */
export function appBridgeShim(options: { token?: string; shop?: string; banner?: string } = {}): string {
  return `(() => {
  "use strict";
  const fixedToken = ${JSON.stringify(options.token ?? null)};
  let cached = null;
  async function idToken() {
    if (fixedToken) return fixedToken;
    if (cached && cached.expiresAt - 15000 > Date.now()) return cached.token;
    const res = await fetch(${JSON.stringify(DEV_TOKEN)}, { credentials: "same-origin", cache: "no-store" });
    if (!res.ok) throw new Error("The development sign-in has expired: open /app and sign in again.");
    const body = await res.json();
    cached = { token: body.token, expiresAt: Date.parse(body.expiresAt) };
    return body.token;
  }

  const style = document.createElement("style");
  style.textContent = ${JSON.stringify(CSS)};
  document.head.append(style);

  let region = null;
  let toasts = 0;
  function toastRegion() {
    if (region && region.isConnected) return region;
    region = document.createElement("div");
    region.className = "kinship-dev-toasts";
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    document.body.append(region);
    return region;
  }
  const toast = {
    show(message, options = {}) {
      const id = "kinship-toast-" + ++toasts;
      const el = document.createElement("div");
      el.id = id;
      el.textContent = String(message);
      if (options.isError) el.className = "error";
      toastRegion().append(el);
      setTimeout(() => el.remove(), options.duration ?? 5000);
      return id;
    },
    hide(id) {
      document.getElementById(id)?.remove();
    },
  };

  window.shopify = {
    idToken,
    toast,
    config: { shop: ${JSON.stringify(options.shop ?? null)}, apiKey: "kinship-dev", locale: "en" },
    environment: { embedded: false, mobile: false, pos: false },
  };

  // Nav menu links move the app as App Bridge does: history.pushState, then popstate.
  class NavMenu extends HTMLElement {
    connectedCallback() {
      this.setAttribute("role", "navigation");
      this.setAttribute("aria-label", "Kinship");
      ${options.banner ? `if (!document.querySelector(".kinship-dev-banner")) { const b = document.createElement("p"); b.className = "kinship-dev-banner"; b.textContent = ${JSON.stringify(options.banner)}; this.before(b); }` : ""}
      this.addEventListener("click", (e) => {
        const a = e.target.closest("a");
        if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        const url = new URL(a.getAttribute("href"), location.href);
        history.pushState(null, "", url.pathname + (url.search || location.search));
        window.dispatchEvent(new PopStateEvent("popstate"));
      });
    }
  }
  class SaveBar extends HTMLElement {
    connectedCallback() {
      this.setAttribute("role", "region");
      this.setAttribute("aria-label", "Unsaved changes");
    }
    show() { this.setAttribute("data-open", ""); }
    hide() { this.removeAttribute("data-open"); }
    toggle() { this.toggleAttribute("data-open"); }
    get showing() { return this.hasAttribute("data-open"); }
  }
  class Modal extends HTMLElement {
    constructor() {
      super();
      this.onKey = (e) => { if (e.key === "Escape") this.hide(); };
    }
    show() {
      if (this.hasAttribute("data-open")) return;
      this.returnFocus = document.activeElement;
      this.setAttribute("data-open", "");
      this.setAttribute("role", "dialog");
      this.setAttribute("aria-modal", "true");
      const title = this.querySelector("ui-title-bar")?.getAttribute("title");
      if (title) this.setAttribute("aria-label", title);
      document.addEventListener("keydown", this.onKey);
      (this.querySelector("ui-title-bar button") ?? this).focus();
      this.dispatchEvent(new Event("show"));
    }
    hide() {
      if (!this.hasAttribute("data-open")) return;
      this.removeAttribute("data-open");
      document.removeEventListener("keydown", this.onKey);
      if (this.returnFocus && this.returnFocus.isConnected) this.returnFocus.focus();
      this.dispatchEvent(new Event("hide"));
    }
    toggle() { this.hasAttribute("data-open") ? this.hide() : this.show(); }
  }
  class TitleBar extends HTMLElement {}
  const define = (name, c) => { if (!customElements.get(name)) customElements.define(name, c); };
  define("ui-nav-menu", NavMenu);
  define("ui-save-bar", SaveBar);
  define("ui-modal", Modal);
  define("ui-title-bar", TitleBar);
})();
`;
}
