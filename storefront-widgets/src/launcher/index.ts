import { mountLauncher } from "./mount.ts";

// dist/launcher.js: fetched by the loader on the launcher's first click.
window.kinshipLauncher = { mount: (button) => mountLauncher(button) };
