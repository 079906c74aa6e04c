import { createHash, randomUUID } from "node:crypto";
import type { Engine } from "@kinship/engine";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { jwtVerify, SignJWT } from "jose";
import { FRAME_NONE } from "../csp.ts";
import { appBridgeShim, DEV_APP_BRIDGE, DEV_TOKEN } from "./app-bridge-shim.ts";

/** The cookie that says "signed in for development" (HttpOnly, SameSite=Strict, /app only). */
export const DEV_COOKIE = "kinship_dev";
export const DEV_SIGN_IN = "/app/dev/sign-in";
const COOKIE_AUDIENCE = "kinship-dev-signin";
const COOKIE_SECONDS = 8 * 60 * 60;
const TOKEN_SECONDS = 5 * 60;
/** The staff user the demo shop's dev session tokens name. */
export const DEV_USER = "dev-owner";

export interface DevSignInOptions {
  engine: Engine;
  /** The demo program's shop (DEMO_PROGRAM). */
  shop: string;
  apiKey: string;
  /** The server's app secret: signs the cookie and the session tokens, as Shopify would. */
  apiSecret: string;
  now: () => Date;
}

const CSS = `
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c1917;background:#f1f1f1}
main{max-width:36rem;margin:3rem auto;padding:1.5rem 2rem;background:#fff;border-radius:12px;box-shadow:0 1px 2px rgba(0,0,0,.15)}
h1{font-size:1.5rem;margin:0 0 .75rem}
button{font:600 15px/20px system-ui,sans-serif;padding:10px 16px;border-radius:8px;border:0;background:#303030;color:#fff;cursor:pointer}
button:focus-visible{outline:2px solid #005bd3;outline-offset:2px}
.problem{color:#8e1f0b;font-weight:600}
`;

/** The sign-in page may show itself, post its one form to this server, and be framed by nobody. */
export const DEV_SIGN_IN_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(CSS).digest("base64")}'`,
  "form-action 'self'",
  "base-uri 'none'",
  FRAME_NONE,
].join("; ");

/** The dev shell runs the admin from this origin with the shim; nobody frames it. */
export const DEV_SHELL_CSP = [
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  FRAME_NONE,
].join("; ");

function signInPage(demoReady: boolean): string {
  const action = demoReady
    ? `<form method="post" action="${DEV_SIGN_IN}"><button type="submit">Open the demo program's admin</button></form>`
    : `<p class="problem">This server has no demo program: the dev sign-in opens the demo program's admin only (start with an empty database, or run <code>kinship demo</code>).</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kinship: development sign-in</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Kinship admin</h1>
<p>Development sign-in: you are outside Shopify, so there is no Shopify session. This server signs you in as the owner of the demo program instead, on this browser only, for 8 hours.</p>
${action}
</main>
</body>
</html>
`;
}

/**
 * The dev sign-in for `npm start` without Shopify: enabled only when the server has no
 * SHOPIFY_API_KEY or KINSHIP_DEV_SIGNIN=on (main.ts decides; otherwise none of this is registered
 * and /app/dev/* is 404). It gives the demo program's admin, with a local App Bridge shim:
 *
 * - GET /app without a shop and without the cookie: the sign-in page.
 * - POST /app/dev/sign-in: sets the cookie (a JWT signed with the app secret), 303 to /app.
 * - GET /app/dev/app-bridge.js: the shim (idToken from /app/dev/token, toasts, nav, save bar, modal).
 * - GET /app/dev/token: with a valid cookie only, a session token for the demo shop signed with the
 *   app secret, as Shopify's would be; /admin/graphql and /app/session take it like a real one.
 */
export function registerDevSignIn(app: FastifyInstance, options: DevSignInOptions) {
  const { engine, shop, apiKey, now } = options;
  const secret = new TextEncoder().encode(options.apiSecret);

  async function signedIn(req: FastifyRequest): Promise<boolean> {
    const cookie = cookieOf(req.headers.cookie, DEV_COOKIE);
    if (!cookie) return false;
    try {
      await jwtVerify(cookie, secret, { audience: COOKIE_AUDIENCE, subject: shop, algorithms: ["HS256"], currentDate: now() });
      return true;
    } catch {
      return false;
    }
  }

  const demoReady = async () => (await engine.shops.find(shop))?.installed === true;

  app.post(DEV_SIGN_IN, async (req, res) => {
    // The cookie is SameSite=Strict; a post from another site's form is refused here as well.
    const origin = req.headers.origin;
    if (origin && origin !== `${req.protocol}://${req.headers.host}`) return plain(res, 403, "cross-site sign-in refused\n");
    if (!(await demoReady())) return plain(res, 409, "this server has no demo program\n");
    const at = Math.floor(now().getTime() / 1000);
    const cookie = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setAudience(COOKIE_AUDIENCE)
      .setSubject(shop)
      .setIssuedAt(at)
      .setExpirationTime(at + COOKIE_SECONDS)
      .sign(secret);
    req.log.warn({ shop }, "development sign-in: the demo program's admin was opened without Shopify");
    return res
      .header(
        "set-cookie",
        `${DEV_COOKIE}=${cookie}; Path=/app; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_SECONDS}${req.protocol === "https" ? "; Secure" : ""}`,
      )
      .header("cache-control", "no-store")
      .redirect("/app", 303);
  });

  app.get(DEV_APP_BRIDGE, async (_req, res) =>
    res
      .header("cache-control", "no-cache")
      .type("text/javascript; charset=utf-8")
      .send(appBridgeShim({ shop, banner: "Development sign-in: the demo program's admin, outside Shopify." })),
  );

  app.get(DEV_TOKEN, async (req, res) => {
    res.header("cache-control", "no-store");
    if (!(await signedIn(req))) return res.code(401).send({ ok: false, error: "sign in at /app first (development sign-in)" });
    const at = Math.floor(now().getTime() / 1000);
    const token = await new SignJWT({ dest: `https://${shop}`, sid: `dev-${randomUUID()}` })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(`https://${shop}/admin`)
      .setAudience(apiKey)
      .setSubject(DEV_USER)
      .setIssuedAt(at)
      .setNotBefore(at - 5)
      .setExpirationTime(at + TOKEN_SECONDS)
      .setJti(randomUUID())
      .sign(secret);
    return res.send({ ok: true, token, expiresAt: new Date((at + TOKEN_SECONDS) * 1000).toISOString() });
  });

  return {
    signedIn,
    /** GET /app without a shop and not signed in. */
    async signInPage(res: FastifyReply) {
      return res
        .code(200)
        .header("cache-control", "no-store")
        .header("content-security-policy", DEV_SIGN_IN_CSP)
        .type("text/html; charset=utf-8")
        .send(signInPage(await demoReady()));
    },
  };
}

export type DevSignIn = ReturnType<typeof registerDevSignIn>;

function plain(res: FastifyReply, status: number, text: string) {
  return res.code(status).header("cache-control", "no-store").type("text/plain; charset=utf-8").send(text);
}

/** One cookie's value from a Cookie header (no decoding: ours is a JWT, URL-safe already). */
export function cookieOf(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=") || null;
  }
  return null;
}
