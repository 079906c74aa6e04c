import { IMPORT_SOURCES, type ImportSource } from "../core/import/columns.ts";
import type { ImportReport } from "../store/imports/run.ts";
import type { ImportRun } from "../store/imports/runs.ts";
import { type Admin, pageSize } from "./admin-context.ts";
import { badInput, unwrap } from "./errors.ts";
import type { Resolvers } from "./execute.ts";

/** The largest part one request may carry (a bigger file is sent in parts). */
export const MAX_IMPORT_PART_CHARS = 20_000_000;

/** Moving in: importing another loyalty app's export, dry run first. */
export const importsAdminResolvers: Resolvers<Admin> = {
  Query: {
    async imports(_source, args, a) {
      const runs = unwrap(await a.engine.imports.list(a.ctx.program, pageSize(args.first as number)));
      return runs.map(runNode);
    },
  },
  Mutation: {
    async importMembers(_source, args, a) {
      const key = args.idempotencyKey as string;
      if (key.length < 1 || key.length > 200) throw badInput("idempotencyKey must be 1 to 200 characters");
      const csv = args.csv as string;
      if (csv.length > MAX_IMPORT_PART_CHARS) throw badInput(`csv is over ${MAX_IMPORT_PART_CHARS} characters: send the file in parts`);
      const firstLine = (args.firstLine as number | null | undefined) ?? 2;
      if (!Number.isInteger(firstLine) || firstLine < 2) throw badInput(`firstLine must be 2 or more, got ${firstLine}`);
      const report = await a.engine.imports.run(
        a.ctx.program,
        {
          source: sourceOf(args.source as string),
          csv,
          firstLine,
          dryRun: (args.dryRun as boolean | null | undefined) ?? true,
          fileName: (args.fileName as string | null | undefined) ?? null,
          actor: a.ctx.actor,
          key,
        },
        a.ctx.now,
      );
      return reportNode(unwrap(report));
    },
  },
};

function sourceOf(value: string): ImportSource {
  const source = value.toLowerCase() as ImportSource;
  if (!IMPORT_SOURCES.includes(source)) throw badInput(`unknown source ${value}`);
  return source;
}

function reportNode(r: ImportReport) {
  return { ...r, source: r.source.toUpperCase(), points: String(r.points) };
}

function runNode(r: ImportRun) {
  return { ...r, source: r.source.toUpperCase(), points: String(r.points), createdAt: r.createdAt.toISOString() };
}
