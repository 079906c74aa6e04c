import { defineListElements } from "./lists.ts";

// dist/loyalty.js: the rewards, perks and expiring-points elements, on top of embed.js (each file
// within Shopify's per-file budget). Runs whichever of the two loads first.
const define = () => {
  if (window.kinship && !customElements.get("kinship-rewards")) defineListElements(window.kinship);
};
define();
addEventListener("kinship:embed", define);
