import type { Engine } from "@kinship/engine";
import { createMemberToken } from "@kinship/member-token";
import type { FastifyInstance } from "fastify";
import type { WidgetFile } from "../widgets/assets.ts";
import { DEMO_CURRENCY } from "./catalog.ts";
import { demoPage } from "./page.ts";

export interface DemoOptions {
  program: string;
  /** The member the page is signed in as. */
  customerId: string;
}

/** The demo's stand-in for Shopify's `/cart/update.js`, where referral.js puts `?ref=` and the device id. */
export const DEMO_CART = "/demo/cart/update.js";

/** Short: the page is re-rendered (and re-signed) on every load. */
const TOKEN_TTL_SECONDS = 15 * 60;

/**
 * GET /demo: a storefront page for the demo program, its product grid priced by the theme embed,
 * the embed's expiring points, rewards and partner perks (as the theme app blocks place them) and
 * the same perks listed by the React <PartnerPerks>, and the membership widgets (value realised,
 * badges, stamp cards, referral share, birthday). `?ref=` is captured by referral.js onto the
 * demo's stand-in cart (`POST /demo/cart/update.js`).
 * The page plays the store's backend: it knows who is signed in and signs them a short-lived
 * member token with the program's secret, as a headless store's server would. `?as=guest` shows
 * the same grid to a guest (no token: the program is named instead).
 */
export function registerDemo(
  app: FastifyInstance,
  options: DemoOptions & { engine: Engine; now: () => Date; widgetUrl: (file: WidgetFile) => string },
): void {
  const { engine, program, customerId } = options;
  // Answers like Shopify's cart: the cart with the attributes just set (the demo keeps no cart).
  app.post(DEMO_CART, async (req, res) => {
    let attributes: unknown = {};
    try {
      attributes = JSON.parse(String(req.body ?? "")).attributes ?? {};
    } catch {
      return res.code(400).send({ message: "a JSON body { attributes } is expected" });
    }
    return res.header("cache-control", "no-store").send({ token: "demo-cart", attributes });
  });
  app.get("/demo", async (req, res) => {
    const guest = (req.query as { as?: string }).as === "guest";
    const secret = await engine.programs.webhookSecret(program);
    if (secret === null) return res.code(404).type("text/plain; charset=utf-8").send(`no demo program ${program}\n`);
    const base = { endpoint: "/storefront/graphql", program, currency: DEMO_CURRENCY, locale: "en-US", cart: DEMO_CART };
    let memberName: string | null = null;
    let config: Parameters<typeof demoPage>[0]["config"] = { ...base, customer: null };
    if (!guest) {
      const member = await engine.member(program, customerId, options.now());
      const profile = member.ok ? member.value.profile : null;
      memberName = [profile?.firstName, profile?.lastName].filter(Boolean).join(" ") || "demo member";
      const token = await createMemberToken({ secret, program, customerId, ttlSeconds: TOKEN_TTL_SECONDS, now: options.now() });
      config = { ...base, token, customer: customerId };
    }
    return res
      .header("cache-control", "private, no-store")
      .type("text/html; charset=utf-8")
      .send(
        demoPage({
          program,
          config,
          embedUrl: options.widgetUrl("embed.js"),
          loyaltyUrl: options.widgetUrl("loyalty.js"),
          referralUrl: options.widgetUrl("referral.js"),
          widgetsUrl: options.widgetUrl("widgets.js"),
          reactUrl: options.widgetUrl("vendor/react.js"),
          memberName,
          launcher: {
            loaderUrl: options.widgetUrl("launcher-loader.js"),
            launcherUrl: options.widgetUrl("launcher.js"),
            registerUrl: "/demo",
            loginUrl: "/demo",
          },
        }),
      );
  });
}
