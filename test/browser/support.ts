import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { type RunningApp, startApp } from "../../plugin/app/src/main.ts";
import { isolatedDatabase } from "../support/isolated.ts";

/** Debian's Chromium (`apt-get install chromium`); KINSHIP_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.KINSHIP_CHROMIUM ?? "/usr/bin/chromium";

export const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the browser tests need it. Install it with ` +
        "`apt-get update && apt-get install -y chromium` (.ci/run does this), or set KINSHIP_CHROMIUM to a Chromium binary.",
    );
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Sums layout-shift entries (as CLS does, without the session windows) from the first paint on. */
export const CLS_OBSERVER = `
  window.__kinshipShift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__kinshipShift += e.value;
  }).observe({ type: "layout-shift", buffered: true });
`;

export type Box = [x: number, y: number, width: number, height: number];

/** The bounding boxes of every element matching `selector`, in document order. */
export function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.$$eval(selector, (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return [r.x, r.y + window.scrollY, r.width, r.height] as Box;
    }),
  );
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page (or only in the elements `within` selects: a host's own chrome, such as
 * Medusa's sidebar, is not ours to fix); returns the serious and critical violations.
 */
export async function seriousViolations(page: Page, within?: string): Promise<Violation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(ctx: Document | object, o: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, { resultTypes: ["violations"] });
    return result.violations as { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
  }, within ?? null);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
}

/** A promise and the function that resolves it. */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

/** `npm start`'s server (on a Postgres database of its own, worker off) serving the demo storefront. */
export interface DemoServer {
  app: RunningApp;
  close(): Promise<void>;
}

/** Starts it and checks the built widget `script` is served: the widgets must be built first. */
export async function demoServer(label: string, script = "embed.js"): Promise<DemoServer> {
  const database = await isolatedDatabase(label);
  const app = await startApp({ DATABASE_URL: database.url, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", KINSHIP_WORKER: "off" });
  const res = await fetch(`${app.url}/widgets/${script}`);
  if (res.status !== 200)
    throw new Error(
      `the widgets are not built (GET /widgets/${script} answered ${res.status}): run \`npm run build\` first (npm test does)`,
    );
  return {
    app,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * The demo member's (Grace's) points as the widgets show them: 1,974 from the engine's demo story
 * plus what the app's seed adds: 99 for the Kinship Plus order (a plan's fee earns like any order)
 * and 160 for the coat bought at the member price.
 */
export const DEMO_MEMBER_POINTS = "2,233 points";
