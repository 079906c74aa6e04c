import type { ConfigIssue } from "./config-edit.ts";
import type { ProgramConfig } from "./program-config.ts";

export interface TabProps {
  config: ProgramConfig;
  /** The config as the engine has it (last loaded or saved), for what exists before the draft is saved. */
  saved: ProgramConfig;
  edit: (change: (config: ProgramConfig) => ProgramConfig) => void;
  /** The engine's issues from the last save attempt. */
  issues: readonly ConfigIssue[];
}
