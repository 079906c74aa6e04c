import { adminApi } from "./admin-api.ts";
import { SHOPIFY_API_VERSION } from "./api-version.ts";

export type ThemeEmbedState = "on" | "off" | "unknown";

/** The theme app embed the merchant turns on for the launcher (storefront-widgets/extensions/kinship-theme/blocks). */
export const LAUNCHER_BLOCK = "kinship-launcher";

const MAIN_THEME_SETTINGS = `query KinshipThemeEmbed {
  themes(first: 1, roles: [MAIN]) {
    nodes {
      files(filenames: ["config/settings_data.json"], first: 1) {
        nodes { body { ... on OnlineStoreThemeFileBodyText { content } } }
      }
    }
  }
}`;

interface ThemeAnswer {
  themes: { nodes: { files: { nodes: { body: { content?: string } | null }[] } }[] };
}

/**
 * Whether the launcher embed is on in a theme's settings_data.json: an app block of type
 * `shopify://apps/<app>/blocks/kinship-launcher/<id>` under `current.blocks` that is not disabled.
 * `current` may name a preset instead of holding the settings. Unreadable JSON: unknown.
 */
export function launcherEmbedIn(settingsData: string): ThemeEmbedState {
  let data: { current?: unknown; presets?: Record<string, unknown> };
  try {
    // Shopify writes a /* … */ comment above the JSON.
    data = JSON.parse(settingsData.replace(/^\s*\/\*[\s\S]*?\*\/\s*/, ""));
  } catch {
    return "unknown";
  }
  const current = typeof data.current === "string" ? data.presets?.[data.current] : data.current;
  const blocks = (current as { blocks?: Record<string, { type?: unknown; disabled?: unknown }> } | undefined)?.blocks ?? {};
  const on = Object.values(blocks).some(
    (b) =>
      typeof b?.type === "string" &&
      b.type.startsWith("shopify://apps/") &&
      b.type.includes(`/blocks/${LAUNCHER_BLOCK}/`) &&
      b.disabled !== true,
  );
  return on ? "on" : "off";
}

/**
 * The launcher embed in the shop's main theme, read through the Admin API (needs read_themes).
 * Any failure (no theme, Shopify refusing, the network) is "unknown": the checklist then links to
 * the theme editor instead of guessing.
 */
export async function themeEmbedState(options: {
  shop: string;
  accessToken: () => Promise<string>;
  fetch?: typeof fetch;
}): Promise<ThemeEmbedState> {
  const api = adminApi({
    shop: options.shop,
    accessToken: options.accessToken,
    apiVersion: SHOPIFY_API_VERSION,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const answer = await api.request<ThemeAnswer>(MAIN_THEME_SETTINGS, {});
  if (!answer.ok) return "unknown";
  const content = answer.data.themes.nodes[0]?.files.nodes[0]?.body?.content;
  return typeof content === "string" ? launcherEmbedIn(content) : "unknown";
}
