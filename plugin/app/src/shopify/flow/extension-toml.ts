import { FLOW_TRIGGERS, type TriggerDefinition } from "./triggers.ts";

/** Where a trigger's extension lives under plugin/app/extensions. */
export const triggerExtensionDir = (t: TriggerDefinition): string => `flow-${t.handle}`;

const quoted = (s: string) => JSON.stringify(s);

/**
 * A trigger's shopify.extension.toml, written from FLOW_TRIGGERS so the fields Flow is told about
 * are exactly the ones triggerCall sends (a test keeps the files equal to this).
 */
export function triggerToml(t: TriggerDefinition): string {
  const lines = [
    `# Shopify Flow trigger "${t.name}": sent by Kinship's worker for each ${t.topic} event`,
    "# (flowTriggerReceive). Generated from plugin/app/src/shopify/flow/triggers.ts: edit there, then",
    "# run `node plugin/app/src/shopify/flow/write-extensions.ts`.",
    "[[extensions]]",
    `name = ${quoted(t.name)}`,
    'type = "flow_trigger"',
    `handle = ${quoted(t.handle)}`,
    `description = ${quoted(t.description)}`,
    "",
    "[settings]",
    "",
    "  [[settings.fields]]",
    '  type = "customer_reference"',
  ];
  for (const f of t.fields)
    lines.push(
      "",
      "  [[settings.fields]]",
      `  type = ${quoted(f.type)}`,
      `  key = ${quoted(f.key)}`,
      `  description = ${quoted(f.description)}`,
    );
  return `${lines.join("\n")}\n`;
}

export const triggerExtensions = (): { dir: string; toml: string }[] =>
  Object.values(FLOW_TRIGGERS).map((t) => ({ dir: triggerExtensionDir(t), toml: triggerToml(t) }));
