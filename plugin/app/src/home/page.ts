import { createHash } from "node:crypto";

export interface HomePageInput {
  /** The server runs the demo storefront at /demo. */
  demo: boolean;
  /** The embedded app's home (/app) is served by this server. */
  appHome: boolean;
  /** The admin's development sign-in is on: /app opens the demo program's admin outside Shopify. */
  devSignIn?: boolean;
}

const CSS = `
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c1917;background:#fafaf9}
main{max-width:40rem;margin:0 auto;padding:2rem 1.5rem 3rem}
h1{margin:0 0 .5rem;font-size:1.75rem}
h2{margin:2rem 0 .5rem;font-size:1.125rem}
a{color:#1d4ed8}
a:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}
ul{padding-left:1.25rem}
li{margin:.375rem 0}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f5f5f4;padding:0 .2em;border-radius:.2em}
`;

/**
 * What the page may do: show itself and its one inline stylesheet (by its hash), nothing else: no
 * script, no image, no form, no <base>. The framing part comes from the route.
 */
export const HOME_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(CSS).digest("base64")}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/**
 * The front door outside the Shopify admin: what Kinship is, and where to go on this server. The
 * page is the same for every request: nothing from the request is written into it.
 */
export function homePage(p: HomePageInput): string {
  const shopify = p.appHome
    ? "<p>Merchants open Kinship from their Shopify admin.</p>"
    : "<p>Kinship's home inside the Shopify admin is not served yet; in Shopify, Kinship works today through its webhooks, the storefront widgets and the admin GraphQL API.</p>";
  const admin = p.devSignIn
    ? `<li><a href="/app">The admin</a>: the demo program's Shopify admin screens, outside Shopify (development sign-in).</li>\n`
    : "";
  const demo = p.demo
    ? `<li><a href="/demo">The demo storefront</a>: a member's prices, points and partner perks, priced by the storefront widgets.</li>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kinship</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Kinship</h1>
<p>Kinship is an open-source membership and loyalty engine: it turns a store's orders and customer events into a points ledger, growth value and tiers, for Shopify and Medusa.</p>
${shopify}
<h2>On this server</h2>
<ul>
${admin}${demo}<li><a href="/healthz"><code>/healthz</code></a>: the process is up.</li>
<li><a href="/readyz"><code>/readyz</code></a>: the database and the queue are reachable.</li>
<li><code>POST /admin/graphql</code>: the admin GraphQL API (members and their ledger, adjustments, the program's configuration), for the embedded admin and scripts; it takes a Shopify session token or an API key from <code>kinship apikey create</code>.</li>
</ul>
<p>Setting up, running and installing Kinship: <code>README.md</code> at the root of the Kinship repository.</p>
</main>
</body>
</html>
`;
}
