import { start } from "./boot.ts";
import { readConfig } from "./config.ts";

// The theme embed entry (dist/embed.js). Loaded twice (app embed plus a block): the first wins.
if (!customElements.get("kinship-price")) start(readConfig(document, document.currentScript));
