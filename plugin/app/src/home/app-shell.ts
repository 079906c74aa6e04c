/** Where App Bridge v4 is loaded from: Shopify's CDN only, first script of the page, not async. */
export const APP_BRIDGE_URL = "https://cdn.shopify.com/shopifycdn/app-bridge.js";

/** Where the shell trades its App Bridge session token for the program's status. */
export const APP_SESSION = "/app/session";

/** Where the built admin's files are served from (admin-assets.ts). */
export const APP_ASSETS = "/app/assets";

/**
 * The admin's screens, as client routes under /app (the SPA's router draws them): each answers
 * the shell. /app/members/<customer id> too. Keep in step with admin-extension/shopify/app/routes.tsx.
 */
export const APP_SCREENS = [
  "dashboard",
  "members",
  "finance",
  "insight",
  "tiers",
  "earn-rules",
  "rewards",
  "member-prices",
  "partners",
  "plans",
  "referrals",
  "campaigns",
  "activity",
  "imports",
  "webhooks",
  "data-requests",
  "currencies",
  "settings",
] as const;

/**
 * What the shell may run: App Bridge from Shopify's CDN (its folder, for what it loads itself) and
 * the admin's bundle from this origin; no inline script, no plugins, no <base>. Polaris sets inline
 * styles (positions, custom properties), hence 'unsafe-inline' for styles only. Connections are
 * left open on purpose: App Bridge talks to Shopify's services from this page, and Shopify's app
 * templates restrict only framing. The framing part is added per shop by the route.
 */
export const APP_SHELL_CSP = [
  "script-src 'self' https://cdn.shopify.com/shopifycdn/",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The policy of the page refusing a request without a valid shop: nothing runs, nobody frames it. */
export const BAD_SHOP_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escapeAttribute = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&#39;");

export interface ShellAssets {
  /** URL of the admin's bundle (hashed name: cached for a year). */
  script: string;
  /** URL of Polaris's stylesheet (hashed name). */
  stylesheet: string;
  /** URLs of the chunks the bundle imports at once (React, Polaris): fetched alongside it. */
  preload?: string[];
}

/**
 * The embedded admin's HTML shell: App Bridge first (`bridgeUrl`: Shopify's CDN, or the dev
 * sign-in's shim), the `shopify-api-key` meta App Bridge reads, Polaris's stylesheet and the SPA.
 * `apiKey` is the server's configured key; nothing from the request is written into the page.
 * Without a built admin (`assets` null) the page says how to build it.
 */
export function appShell(apiKey: string, assets: ShellAssets | null, bridgeUrl = APP_BRIDGE_URL): string {
  const body = assets
    ? `<div id="kinship-admin"><p style="font:15px system-ui,sans-serif;padding:24px">Loading Kinship…</p></div>
<script type="module" src="${escapeAttribute(assets.script)}"></script>`
    : `<main style="font:15px system-ui,sans-serif;padding:24px"><h1>Kinship</h1><p role="alert">The admin is not built on this server: run <code>npm run build</code> (or <code>npm run build -w @kinship/admin</code>) and reload.</p></main>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="shopify-api-key" content="${escapeAttribute(apiKey)}">
<script src="${escapeAttribute(bridgeUrl)}"></script>
<title>Kinship</title>
${assets ? `<link rel="stylesheet" href="${escapeAttribute(assets.stylesheet)}">` : ""}
${(assets?.preload ?? []).map((url) => `<link rel="modulepreload" href="${escapeAttribute(url)}">`).join("\n")}
</head>
<body>
${body}
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
