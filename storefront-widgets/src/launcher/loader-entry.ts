import { installLoader } from "./loader.ts";

// dist/launcher-loader.js: deferred, so the block's button is in the document already.
installLoader(document);
