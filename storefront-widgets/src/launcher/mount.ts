import { memberMessages } from "../core/member-messages.ts";
import { messages, perkMessages } from "../core/messages.ts";
import { customerScope } from "../core/scope.ts";
import { createPerksSession } from "../core/session.ts";
import { snapshotKey, snapshotStore } from "../core/snapshot.ts";
import { fetchRequest } from "../embed/request.ts";
import { readLauncherConfig } from "./config.ts";
import { modalDialog } from "./dialog.ts";
import { launcherMessages } from "./messages.ts";
import { createPanel } from "./panel.ts";

/**
 * The panel's look, from the block's settings: --kinship-launcher-color (buttons, the progress
 * bar) and --kinship-launcher-text (text on that colour); the side from data-position.
 */
export const PANEL_CSS =
  ".kinship-launcher__panel{position:fixed;bottom:5rem;right:1.25rem;z-index:2147483001;box-sizing:border-box;width:min(24rem,calc(100vw - 2.5rem));max-height:min(36rem,calc(100vh - 7rem));overflow:auto;padding:1.25rem;background:#fff;color:#1c1917;border-radius:.75rem;box-shadow:0 12px 40px rgba(0,0,0,.25);font-size:.9375rem;line-height:1.45}" +
  ".kinship-launcher[data-position=left] .kinship-launcher__panel{right:auto;left:1.25rem}" +
  ".kinship-launcher__panel h2{margin:0 2.5rem .75rem 0;font-size:1.25rem}.kinship-launcher__panel h3{margin:1rem 0 .4rem;font-size:1rem}" +
  ".kinship-launcher__panel ul{margin:0;padding:0;list-style:none}.kinship-launcher__panel li{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;padding:.35rem 0;border-top:1px solid #e7e5e4}" +
  ".kinship-launcher__panel li>span:first-child{flex:1 1 8rem}.kinship-launcher__panel p{margin:.25rem 0}" +
  ".kinship-launcher__close{position:absolute;top:.75rem;right:.75rem;padding:.25rem .5rem;border:1px solid #a8a29e;border-radius:.375rem;background:#fff;color:#1c1917;font:inherit;cursor:pointer}" +
  ".kinship-launcher__action{display:inline-block;padding:.35rem .8rem;border:0;border-radius:999px;background:var(--kinship-launcher-color,#1d4ed8);color:var(--kinship-launcher-text,#fff);font:inherit;font-weight:600;text-decoration:none;cursor:pointer}" +
  ".kinship-launcher__action:disabled{opacity:.6;cursor:default}" +
  ".kinship-launcher__links{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem}" +
  ".kinship-launcher__panel :focus-visible{outline:3px solid var(--kinship-launcher-color,#1d4ed8);outline-offset:2px}" +
  ".kinship-launcher__bar{height:.5rem;margin:.5rem 0 .25rem;border-radius:999px;background:#e7e5e4;overflow:hidden}" +
  ".kinship-launcher__bar>span{display:block;height:100%;background:var(--kinship-launcher-color,#1d4ed8)}" +
  ".kinship-launcher__points strong{font-size:1.5rem}.kinship-launcher__notice:empty{display:none}" +
  ".kinship-launcher__notice{padding:.5rem;border-radius:.375rem;background:#f5f5f4;font-weight:600}" +
  ".kinship-launcher__referral,.kinship-launcher__row{display:flex;gap:.5rem}.kinship-launcher__referral input,.kinship-launcher__row input{flex:1;min-width:0;font:inherit;padding:.3rem .5rem;border:1px solid #a8a29e;border-radius:.375rem}" +
  ".kinship-launcher__badges{display:flex;flex-wrap:wrap;gap:.5rem}.kinship-launcher__badges li{flex-direction:column;align-items:flex-start;border:0}" +
  ".kinship-launcher__pill{display:inline-flex;align-items:center;gap:.35em;padding:.15em .6em;border-radius:999px;background:#f5f5f4;font-weight:600}" +
  ".kinship-launcher__dots{letter-spacing:.15em}.kinship-launcher__value ul{margin:.25rem 0}.kinship-launcher__value li>span:last-child{font-variant-numeric:tabular-nums}" +
  ".kinship-launcher__error:empty{display:none}.kinship-launcher__error{color:#b91c1c;font-weight:600}" +
  ".kinship-launcher__cost,.kinship-launcher__earn,.kinship-launcher__blocked,.kinship-launcher__codes{color:#57534e;font-size:.875rem}";

const mounted = new WeakMap<HTMLButtonElement, { open(): void }>();

/**
 * Takes over the block's button: its dialog (aria-controls) gets the panel, the button toggles
 * it. Mounting twice answers the first mount's panel.
 */
export function mountLauncher(button: HTMLButtonElement, fetchImpl?: typeof fetch): { open(): void; close(): void } {
  const existing = mounted.get(button) as { open(): void; close(): void } | undefined;
  if (existing) return existing;
  const doc = button.ownerDocument;
  const dialog = doc.getElementById(button.getAttribute("aria-controls") || "");
  if (!dialog) throw new Error("kinship launcher: the button's aria-controls names no element");
  if (!doc.getElementById("kinship-launcher-css"))
    doc.head.append(Object.assign(doc.createElement("style"), { id: "kinship-launcher-css", textContent: PANEL_CSS }));

  const config = readLauncherConfig(doc);
  const customer = customerScope(config.customer, config.token);
  const request = fetchRequest(config, fetchImpl);
  const session = createPerksSession({
    request,
    snapshot: snapshotStore(customer && snapshotKey(config.endpoint, config.program, customer)),
    customer,
  });
  const m = { ...messages, ...perkMessages, ...memberMessages, ...launcherMessages, ...config.messages };
  const panel = createPanel(dialog, { session, request, config, m });
  const modal = modalDialog(button, dialog, () => void panel.open());
  panel.attach(modal.close);
  mounted.set(button, modal);
  return modal;
}
