import { readConfig } from "./config.ts";
import { startReferral } from "./referral.ts";

// dist/referral.js: the app embed's referral capture, deferred like embed.js.
startReferral(readConfig(document, document.currentScript));
