import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { type AdminApiError, isRetryable, toAdminApiError } from "./client.ts";
import type { ImportSource } from "./generated/graphql.ts";
import { kinshipAdminKeys, useKinshipAdminClient } from "./hooks.ts";
import { newIdempotencyKey } from "./idempotency.ts";
import { importMembersMutation, importsQuery } from "./import-operations.ts";
import { memberColumn } from "./import-sources.ts";
import {
  applyParts,
  dryRunParts,
  type ImportRowError,
  type ImportTotals,
  type Progress,
  type SendPart,
  type SplitFile,
  type SplitLimits,
  splitCsv,
} from "./import-upload.ts";

const retry = (failures: number, error: unknown) => isRetryable(error) && failures < 2;

const importKeys = (client: ReturnType<typeof useKinshipAdminClient>) => [...kinshipAdminKeys.all(client), "imports"] as const;

/** Applied imports, newest first. */
export function useImports(first = 20) {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: [...importKeys(client), first],
    queryFn: ({ signal }) => client.request(importsQuery, { first }, signal).then((d) => d.imports),
    retry,
  });
}

/**
 * Where an upload is: `checking` the file (the dry run), `checked` (its report; Apply only when it is
 * clean), `applying` part by part, then `applied`, `cancelled` (between parts) or `failed` (a part
 * that did not go through). Cancelled or failed, applying again carries on with the same key.
 */
export type UploadPhase = "idle" | "checking" | "checked" | "applying" | "applied" | "cancelled" | "failed";

export interface UploadState {
  source: ImportSource;
  fileName: string | null;
  split: SplitFile | null;
  phase: UploadPhase;
  progress: Progress;
  /** The dry run's totals and every bad row. */
  report: ImportTotals | null;
  /** What has been applied so far. */
  applied: ImportTotals | null;
  /** A request that failed (the dry run's or a part's). */
  error: AdminApiError | null;
  /** Bad rows the engine found while applying a part. */
  refused: ImportRowError[];
}

const initial = (source: ImportSource): UploadState => ({
  source,
  fileName: null,
  split: null,
  phase: "idle",
  progress: { done: 0, total: 0 },
  report: null,
  applied: null,
  error: null,
  refused: [],
});

/** The upload screen's state for either admin: the chosen source and file, the dry run, the apply with its progress. */
export function useImportUpload({ source: initialSource = "CSV", limits }: { source?: ImportSource; limits?: SplitLimits } = {}) {
  const client = useKinshipAdminClient();
  const queryClient = useQueryClient();
  const [state, setState] = useState<UploadState>(() => initial(initialSource));
  const applyKey = useRef(newIdempotencyKey());
  const stop = useRef(false);
  const resume = useRef<{ from: number; totals: ImportTotals } | null>(null);
  const text = useRef<string | null>(null);

  const sender = useCallback(
    (s: UploadState): SendPart =>
      (request) =>
        client.request(importMembersMutation, { source: s.source, fileName: s.fileName, ...request }).then((d) => d.importMembers),
    [client],
  );

  /** A new file or source is a new import: a fresh key, nothing checked yet. */
  const restart = (next: Partial<UploadState>) => {
    applyKey.current = newIdempotencyKey();
    resume.current = null;
    setState((s) => ({ ...initial(s.source), fileName: s.fileName, split: s.split, ...next }));
  };

  return {
    state,
    canCheck: state.split?.ok === true && state.phase !== "checking" && state.phase !== "applying",
    canApply:
      state.report !== null &&
      state.report.errors.length === 0 &&
      state.report.rows > 0 &&
      ["checked", "cancelled", "failed"].includes(state.phase),
    setSource(source: ImportSource) {
      if (state.phase === "checking" || state.phase === "applying") return;
      restart({
        source,
        ...(text.current === null ? {} : { split: splitCsv(text.current, { ...limits, memberColumn: memberColumn(source) }) }),
      });
    },
    chooseFile(name: string, content: string) {
      if (state.phase === "checking" || state.phase === "applying") return;
      text.current = content;
      restart({ fileName: name, split: splitCsv(content, { ...limits, memberColumn: memberColumn(state.source) }) });
    },
    async check() {
      const split = state.split;
      if (!split?.ok) return;
      const total = split.parts.length;
      setState((s) => ({ ...s, phase: "checking", progress: { done: 0, total }, report: null, error: null, refused: [] }));
      try {
        const report = await dryRunParts(split.parts, sender(state), {
          key: newIdempotencyKey(),
          onProgress: (progress) => setState((s) => ({ ...s, progress })),
        });
        const errors = [...report.errors, ...split.scattered].sort((a, b) => a.line - b.line);
        setState((s) => ({ ...s, phase: "checked", report: { ...report, errors } }));
      } catch (e) {
        setState((s) => ({ ...s, phase: "idle", error: toAdminApiError(e) }));
      }
    },
    async apply() {
      const split = state.split;
      if (!split?.ok) return;
      stop.current = false;
      const from = resume.current?.from ?? 0;
      const total = split.parts.length;
      setState((s) => ({ ...s, phase: "applying", progress: { done: from, total }, error: null, refused: [] }));
      const outcome = await applyParts(split.parts, sender(state), {
        key: applyKey.current,
        from,
        ...(resume.current ? { totals: resume.current.totals } : {}),
        onProgress: (progress, applied) => setState((s) => ({ ...s, progress, applied })),
        shouldStop: () => stop.current,
      });
      resume.current = outcome.status === "applied" ? null : { from: outcome.done, totals: outcome.totals };
      const progress = { done: outcome.done, total };
      if (outcome.status === "applied" || outcome.done > from) {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: importKeys(client) }),
          queryClient.invalidateQueries({ queryKey: [...kinshipAdminKeys.all(client), "members"] }),
        ]);
      }
      if (outcome.status === "refused")
        setState((s) => ({
          ...s,
          phase: "checked",
          progress,
          applied: outcome.totals,
          refused: outcome.errors,
          report: s.report ? { ...s.report, errors: outcome.errors } : s.report,
        }));
      else
        setState((s) => ({
          ...s,
          phase: outcome.status,
          progress,
          applied: outcome.totals,
          error: outcome.status === "failed" ? toAdminApiError(outcome.error) : null,
        }));
    },
    /** Stops before the next part; the parts done stay applied. */
    cancel() {
      stop.current = true;
    },
    /** Clears the file: the screen is ready for the next one. */
    reset() {
      text.current = null;
      applyKey.current = newIdempotencyKey();
      resume.current = null;
      setState((s) => initial(s.source));
    },
  };
}

export type ImportUpload = ReturnType<typeof useImportUpload>;
