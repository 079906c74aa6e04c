import { createHash } from "node:crypto";

/** Where App Bridge v4 is loaded from: Shopify's CDN only, first script of the page, not async. */
export const APP_BRIDGE_URL = "https://cdn.shopify.com/shopifycdn/app-bridge.js";

/** Where the shell trades its App Bridge session token for the program's status. */
export const APP_SESSION = "/app/session";

const CSS = `
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c1917;background:#f6f6f7}
main{max-width:48rem;margin:0 auto;padding:1.5rem}
h1{margin:0 0 1rem;font-size:1.5rem}
h2{margin:0 0 .5rem;font-size:1.125rem}
section{background:#fff;border-radius:.75rem;padding:1rem 1.25rem;box-shadow:0 1px 2px rgba(0,0,0,.12)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dt{font-weight:600}
dd{margin:0}
ul{margin:0;padding-left:1.25rem}
.problem{color:#8e1f0b;font-weight:600}
`;

/**
 * The shell's one script: an App Bridge session token, POST /app/session with it, and the answer
 * drawn with textContent only (nothing is parsed as HTML). Errors are shown and kept in the page.
 */
const SCRIPT = `
(async () => {
  const box = document.getElementById("kinship-status");
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  };
  const fail = (message) => {
    box.replaceChildren(el("h2", "Kinship could not connect"), el("p", message, "problem"));
    box.setAttribute("aria-busy", "false");
  };
  try {
    const token = await shopify.idToken();
    const res = await fetch("${APP_SESSION}", { method: "POST", headers: { authorization: "Bearer " + token } });
    const body = await res.json().catch(() => ({}));
    if (!res.ok || !body.ok) return fail(body.error || "The server answered " + res.status + ".");
    const dl = el("dl");
    const row = (term, value) => {
      const dd = el("dd");
      if (value instanceof Node) dd.append(value);
      else dd.textContent = String(value);
      dl.append(el("dt", term), dd);
    };
    row("Shop", body.shop);
    row("Status", body.token.held ? "Connected" : "Not connected");
    row("Currency", body.currency);
    row("Time zone", body.timezone);
    row("Members", new Intl.NumberFormat().format(body.members));
    const tiers = el("ul");
    for (const t of body.tiers) tiers.append(el("li", t.name + " (from " + new Intl.NumberFormat().format(t.threshold) + " growth)"));
    row("Tiers", tiers);
    row("Configuration version", body.configVersion);
    box.replaceChildren(el("h2", body.name), dl);
    if (body.problem) box.append(el("p", body.problem, "problem"));
    if (body.currencyProblem) box.append(el("p", body.currencyProblem.message, "problem currency-problem"));
    if (body.scopesProblem) box.append(el("p", body.scopesProblem.message, "problem scopes-problem"));
    if (body.discountProblem) box.append(el("p", body.discountProblem.message, "problem discount-problem"));
    box.setAttribute("aria-busy", "false");
  } catch (e) {
    fail(e && e.message ? e.message : String(e));
  }
})();
`;

const sha256 = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;

/**
 * What the shell may run: App Bridge from Shopify's CDN (its folder, for what it loads itself)
 * and the inline script above (by its hash), nothing else; no plugins, no <base>. Connections and styles are left open on purpose:
 * App Bridge talks to Shopify's services from this page, and Shopify's app templates restrict
 * only framing. The framing part is added per shop by the route.
 */
export const APP_SHELL_CSP = [
  `script-src https://cdn.shopify.com/shopifycdn/ ${sha256(SCRIPT)}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The policy of the page refusing a request without a valid shop: nothing runs, nobody frames it. */
export const BAD_SHOP_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escapeAttribute = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&#39;");

/**
 * The embedded admin's HTML shell. `apiKey` is the server's configured key (App Bridge reads it
 * from the `shopify-api-key` meta); nothing from the request is written into the page.
 */
export function appShell(apiKey: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="shopify-api-key" content="${escapeAttribute(apiKey)}">
<script src="${APP_BRIDGE_URL}"></script>
<title>Kinship</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Kinship</h1>
<section id="kinship-status" role="status" aria-live="polite" aria-busy="true">
<p>Connecting to your shop…</p>
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** The answer to a request for /app without a valid shop: says what is wrong, echoes nothing. */
export const BAD_SHOP_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Kinship: no shop</title>
</head>
<body>
<main>
<h1>Kinship</h1>
<p>This page is Kinship's home inside the Shopify admin: open Kinship from your shop's admin. The request did not name a valid shop.</p>
</main>
</body>
</html>
`;
