import { useState } from "react";
import { type AdminApiError, toAdminApiError } from "./client.ts";
import { type ConfigIssue, parseIssues } from "./config-edit.ts";
import { useProgram, useUpdateProgram } from "./hooks.ts";
import type { ProgramConfig } from "./program-config.ts";
import type { ProgramState } from "./types.ts";

export type SaveResult = { ok: true; version: number } | { ok: false; error: AdminApiError };

/**
 * The settings screens' state, independent of the view: the loaded program, a draft of its config
 * that edits replace immutably, and saving the whole draft. When the engine refuses it
 * (InvalidConfig), its issues are kept by field path and nothing is saved. A program saved by
 * someone else since it loaded is refused (ConfigConflict): `reload()` takes their version.
 */
export function useProgramEditor() {
  const program = useProgram();
  const update = useUpdateProgram();
  const [base, setBase] = useState<ProgramState | null>(null);
  const [draft, setDraft] = useState<ProgramConfig | null>(null);
  const [issues, setIssues] = useState<ConfigIssue[]>([]);
  const dirty = base !== null && draft !== base.config;

  // Start from the loaded program, and follow newer versions while nothing is being edited.
  const loaded = program.data;
  if (loaded && (base === null || (!dirty && loaded.version > base.version))) {
    setBase(loaded);
    setDraft(loaded.config);
  }

  return {
    program,
    /** The config being edited; null until the program has loaded. */
    draft,
    /** The config as last loaded or saved; null until the program has loaded. */
    saved: base?.config ?? null,
    version: base?.version ?? null,
    key: base?.key ?? null,
    dirty,
    /** The engine's issues from the last save attempt. */
    issues,
    saving: update.isPending,
    edit(change: (config: ProgramConfig) => ProgramConfig) {
      setDraft((current) => (current ? change(current) : current));
    },
    /** After a conflict: drops the draft and starts again from the program as it is now. */
    async reload() {
      const fresh = await program.refetch();
      if (fresh.data) {
        setBase(fresh.data);
        setDraft(fresh.data.config);
      }
      setIssues([]);
    },
    discard() {
      if (base) setDraft(base.config);
      setIssues([]);
    },
    async save(): Promise<SaveResult> {
      if (!draft) return { ok: false, error: toAdminApiError(new Error("the program has not loaded yet")) };
      setIssues([]);
      try {
        // The version this draft started from: another owner's save in between is a conflict, not overwritten.
        const saved = await update.mutateAsync({ config: draft, expectedVersion: base?.version ?? null });
        setBase(saved);
        setDraft(saved.config);
        return { ok: true, version: saved.version };
      } catch (e) {
        const error = toAdminApiError(e);
        if (error.code === "InvalidConfig") setIssues(parseIssues(error.issues ?? []));
        return { ok: false, error };
      }
    },
  };
}

export type ProgramEditor = ReturnType<typeof useProgramEditor>;
