/**
 * The launcher as the theme's app embed block (storefront-widgets/extensions/kinship-theme/blocks/
 * kinship-launcher.liquid) renders it, with the demo's settings: the button is in the page, its
 * loader is the only launcher script loaded up front, the panel (launcher.js) comes on first open.
 */
export interface DemoLauncherInput {
  loaderUrl: string;
  launcherUrl: string;
  /** Where the guest view's "Create an account" and "Sign in" go. */
  registerUrl: string;
  loginUrl: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");

/** The block's settings here: label "Rewards", colour #1d4ed8 (white text), bottom right. */
export const LAUNCHER_CSS = `
.kinship-launcher__button{position:fixed;bottom:1.25rem;right:1.25rem;z-index:2147483000;padding:.75rem 1.25rem;border:0;border-radius:999px;background:var(--kinship-launcher-color);color:var(--kinship-launcher-text);font:inherit;font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.kinship-launcher[data-position=left] .kinship-launcher__button{right:auto;left:1.25rem}
.kinship-launcher__button:focus-visible{outline:3px solid var(--kinship-launcher-color);outline-offset:3px}
.kinship-launcher__button[aria-busy=true]{cursor:progress}
.kinship-launcher__panel[hidden]{display:none}
`;

export function launcherBlock(p: DemoLauncherInput): string {
  return `<script type="application/json" id="kinship-launcher-config">${scriptJson({ registerUrl: p.registerUrl, loginUrl: p.loginUrl })}</script>
<div class="kinship-launcher" data-position="right" style="--kinship-launcher-color: #1d4ed8; --kinship-launcher-text: #ffffff;">
  <button type="button" class="kinship-launcher__button" id="kinship-launcher-button" aria-haspopup="dialog" aria-expanded="false" aria-controls="kinship-launcher-panel" data-src="${esc(p.launcherUrl)}">Rewards</button>
  <div class="kinship-launcher__panel" id="kinship-launcher-panel" role="dialog" aria-modal="true" aria-labelledby="kinship-launcher-title" hidden>
    <h2 id="kinship-launcher-title">Rewards</h2>
  </div>
</div>
<script src="${esc(p.loaderUrl)}" defer></script>`;
}
