import { DEMO_CATALOG, DEMO_CURRENCY } from "./catalog.ts";
import { type DemoLauncherInput, LAUNCHER_CSS, launcherBlock } from "./launcher.ts";

export interface DemoPageInput {
  program: string;
  /** The widgets' configuration; a member view carries the token the "store backend" signed. */
  config: { endpoint: string; program: string; token?: string; customer: string | null; currency: string; locale: string; cart: string };
  embedUrl: string;
  /** The app embed's referral capture (`?ref=` and the device id into cookies and the demo's cart). */
  referralUrl: string;
  /** The embed's rewards, perks and expiring-points elements (loyalty.js, on top of embed.js). */
  loyaltyUrl: string;
  /** The React widgets (ESM) and React itself for them, as the server hands them out. */
  widgetsUrl: string;
  reactUrl: string;
  /** The signed-in member's name; null renders the guest view. */
  memberName: string | null;
  /** The launcher app embed (floating button, panel loaded on first open); absent: none. */
  launcher?: DemoLauncherInput;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** JSON inside <script>: nothing in it may close the element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: DEMO_CURRENCY });

/**
 * Boxes are reserved before the widgets answer: every price is a block as wide as its card and
 * two lines high (price, then a teaser note), the badge and points have fixed slots.
 */
const CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c1917;background:#fafaf9}
a{color:#1d4ed8}
header{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:1rem;padding:1rem 2rem;background:#fff;border-bottom:1px solid #d6d3d1}
.brand{font-weight:700;font-size:1.25rem;color:#1c1917;text-decoration:none}
.account{display:flex;align-items:center;gap:.75rem;min-height:2rem}
.account kinship-badge{min-width:9em}
.account kinship-points{min-width:8em}
nav ul{display:flex;gap:1rem;margin:0;padding:0;list-style:none}
main{max-width:72rem;margin:0 auto;padding:1.5rem 2rem 3rem}
.intro{margin:.25rem 0 1.5rem;color:#44403c}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:1.25rem;margin:0;padding:0;list-style:none}
.card{display:flex;flex-direction:column;gap:.5rem;padding:.75rem;background:#fff;border:1px solid #e7e5e4;border-radius:.5rem}
.swatch{aspect-ratio:4/3;border-radius:.375rem}
.card h3{margin:0;font-size:1rem;font-weight:600}
.card kinship-price{display:block;width:100%;min-height:2.8em;line-height:1.4}
.card kinship-price s{color:#57534e}
.kinship-note{opacity:1!important;color:#44403c}
.perks{min-height:12em;margin-top:2rem}
.membership{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1.25rem 2rem;margin-top:2rem}
.membership>h2{grid-column:1/-1;margin:0}
.membership input{padding:.3em .5em;border:1px solid #78716c;border-radius:.375rem}
.loyalty{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1.25rem 2rem;margin-top:2rem}
.loyalty>h2{grid-column:1/-1;margin:0}
.loyalty kinship-expiring{grid-column:1/-1}
.kinship-button{font:inherit;padding:.3em .9em;border:1px solid #1c1917;border-radius:.375rem;background:#1c1917;color:#fff;cursor:pointer}
.kinship-button:disabled{background:#e7e5e4;color:#44403c;border-color:#a8a29e;cursor:not-allowed}
`;

/**
 * <PartnerPerks> and the membership widgets are React: loaded without a bundler (an import map
 * gives widgets.js its React) and configured from the same kinship-config as the embed.
 */
function perksIsland(p: DemoPageInput): string {
  const react = { imports: { react: p.reactUrl, "react/jsx-runtime": p.reactUrl, "react-dom/client": p.reactUrl } };
  return `<script type="importmap">${scriptJson(react)}</script>
<script type="module">
import { createElement as h } from "react";
import { createRoot } from "react-dom/client";
import { BirthdayForm, EarnedBadges, KinshipProvider, MembershipValue, PartnerPerks, ReferralShare, StampCards } from ${scriptJson(p.widgetsUrl)};
const c = JSON.parse(document.getElementById("kinship-config").textContent);
const provider = { endpoint: c.endpoint, program: c.program, token: c.token, customerId: c.customer, locale: c.locale };
createRoot(document.getElementById("partner-perks")).render(h(KinshipProvider, provider, h(PartnerPerks)));
const level = { headingLevel: 3 };
createRoot(document.getElementById("membership-widgets")).render(
  h(KinshipProvider, provider, h(MembershipValue, level), h(EarnedBadges, level), h(StampCards, level), h(ReferralShare, level), h(BirthdayForm, level)),
);
</script>`;
}

export function demoPage(p: DemoPageInput): string {
  const signedIn = p.memberName !== null;
  const products = DEMO_CATALOG.map(
    (x) => `<li class="card">
  <div class="swatch" style="background:${x.color}" role="img" aria-label="${esc(x.title)}"></div>
  <h3>${esc(x.title)}</h3>
  <kinship-price data-variant-id="${x.variantId}" data-price="${x.price}" data-currency="${DEMO_CURRENCY}">${money.format(x.price / 100)}</kinship-price>
</li>`,
  ).join("\n");
  const account = signedIn
    ? `<div class="account" aria-label="Your membership" role="group">
    <span>Hi, ${esc(p.memberName ?? "")}</span>
    <kinship-badge></kinship-badge>
    <kinship-points></kinship-points>
  </div>`
    : `<div class="account"><span>You are browsing as a guest.</span></div>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${signedIn ? "Kinship demo store" : "Kinship demo store (guest)"}</title>
<style>${CSS}${p.launcher ? LAUNCHER_CSS : ""}</style>
<script type="application/json" id="kinship-config">${scriptJson(p.config)}</script>
<script src="${esc(p.embedUrl)}" defer></script>
<script src="${esc(p.loyaltyUrl)}" defer></script>
<script src="${esc(p.referralUrl)}" defer></script>
${perksIsland(p)}
</head>
<body>
<header>
  <a class="brand" href="/demo">Kinship demo store</a>
  ${account}
  <nav aria-label="Demo views"><ul>
    <li><a href="/demo"${signedIn ? ' aria-current="page"' : ""}>Signed in as a member</a></li>
    <li><a href="/demo?as=guest"${signedIn ? "" : ' aria-current="page"'}>As a guest</a></li>
  </ul></nav>
</header>
<main>
  <h1>${signedIn ? "Member prices" : "Join to save"}</h1>
  <p class="intro">${
    signedIn
      ? `Program <code>${esc(p.program)}</code>: every price below is the member price for your tier, from one batched request.`
      : `Program <code>${esc(p.program)}</code>: members pay less; each price shows what you would pay after joining.`
  }</p>
  <h2 class="grid-title">New arrivals</h2>
  <ul class="grid" aria-label="Products">
${products}
  </ul>
  <section class="loyalty" aria-labelledby="loyalty-title">
    <h2 id="loyalty-title">Your loyalty, from the theme app blocks</h2>
    ${signedIn ? '<kinship-expiring></kinship-expiring>\n    <kinship-rewards data-level="3"></kinship-rewards>' : ""}
    <kinship-perks data-level="3"></kinship-perks>
  </section>
  <div id="partner-perks" class="perks"></div>
  <section class="membership" aria-labelledby="membership-title">
    <h2 id="membership-title">${signedIn ? "Your membership, from the React widgets" : "Membership, from the React widgets"}</h2>
    <div id="membership-widgets" style="display:contents"></div>
  </section>
</main>
${p.launcher ? launcherBlock(p.launcher) : ""}
</body>
</html>
`;
}
