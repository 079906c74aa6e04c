import type { ConfigIssue } from "../../shared/config-edit.ts";
import type { ProgramConfig } from "../../shared/program-config.ts";

export interface TabProps {
  config: ProgramConfig;
  edit: (change: (config: ProgramConfig) => ProgramConfig) => void;
  /** The engine's issues from the last save attempt. */
  issues: readonly ConfigIssue[];
}
