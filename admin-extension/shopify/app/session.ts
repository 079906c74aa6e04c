import { useQuery } from "@tanstack/react-query";
import { AdminApiError } from "../../shared/client.ts";
import { bridge } from "./bridge.ts";

/** Where the app server answers the shop's status for a session token (plugin/app's app home). */
export const APP_SESSION = "/app/session";

/** The program's status as /app/session answers it (plugin/app/src/home/app-route.ts, AppStatus). */
export interface AppSession {
  ok: true;
  shop: string;
  program: string;
  name: string;
  token: { held: boolean };
  members: number;
  tiers: { key: string; name: string; threshold: number }[];
  configVersion: number;
  currency: string;
  timezone: string;
  apiKey: string;
  /** The theme app embed: on, off, or unknown (no read_themes grant, or Shopify did not answer). */
  themeEmbed: "on" | "off" | "unknown";
  /** Checkout charges member prices: Kinship's automatic discount exists on the shop, without a problem. */
  memberPricesActive: boolean;
  problem?: string;
  currencyProblem?: { message: string };
  scopesProblem?: { message: string };
  discountProblem?: { message: string };
}

async function fetchSession(signal: AbortSignal): Promise<AppSession> {
  const token = await bridge().idToken();
  const res = await fetch(APP_SESSION, { method: "POST", headers: { authorization: `Bearer ${token}` }, signal });
  const body = (await res.json().catch(() => ({}))) as Partial<AppSession> & { error?: string };
  if (res.status === 401) throw new AdminApiError("UNAUTHENTICATED", body.error ?? "session refused", undefined, { status: 401 });
  if (!res.ok || !body.ok)
    throw new AdminApiError("HTTP_ERROR", body.error ?? `The server answered ${res.status}.`, undefined, { status: res.status });
  return body as AppSession;
}

/** The shop's status: who is connected, the program's basics, and what the merchant still has to set up. */
export function useAppSession() {
  return useQuery({ queryKey: ["kinship-app-session"], queryFn: ({ signal }) => fetchSession(signal), retry: false });
}
