import { changesBasics } from "./activity-summary.ts";
import type { AuditEntry, ProgramState } from "./types.ts";

export type StepState = "done" | "todo" | "unknown";

export interface OnboardingStep {
  key: "basics" | "tiers" | "themeEmbed" | "memberPrices" | "reward";
  title: string;
  state: StepState;
}

export interface OnboardingFacts {
  program: Pick<ProgramState, "version" | "config">;
  audit: readonly Pick<AuditEntry, "action" | "before" | "after">[];
  /** From the app server: the theme app embed as the main theme's settings_data.json says. */
  themeEmbed: "on" | "off" | "unknown";
  /** From the app server: checkout charges member prices (Kinship's automatic discount, no problem). */
  memberPricesActive: boolean;
}

/** The first-run checklist, each step done or not from the program's real state. */
export function onboardingSteps(f: OnboardingFacts): OnboardingStep[] {
  const basics = f.program.version > 1 || f.audit.some(changesBasics);
  return [
    { key: "basics", title: "Set up the program's basics", state: basics ? "done" : "todo" },
    { key: "tiers", title: "Add a first tier above the base tier", state: f.program.config.tiers.length > 1 ? "done" : "todo" },
    {
      key: "themeEmbed",
      title: "Turn on the Kinship launcher in your theme",
      state: f.themeEmbed === "on" ? "done" : f.themeEmbed === "off" ? "todo" : "unknown",
    },
    { key: "memberPrices", title: "Activate member prices at checkout", state: f.memberPricesActive ? "done" : "todo" },
    { key: "reward", title: "Create a first reward", state: (f.program.config.rewards?.length ?? 0) > 0 ? "done" : "todo" },
  ];
}

/** The theme editor with Kinship's launcher embed ready to turn on (`activateAppId=<api key>/<block handle>`). */
export function themeEmbedLink(shop: string, apiKey: string, block = "kinship-launcher"): string {
  return `https://${shop}/admin/themes/current/editor?context=apps&activateAppId=${encodeURIComponent(apiKey)}/${block}`;
}
