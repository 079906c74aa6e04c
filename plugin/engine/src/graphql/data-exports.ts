import type { DataExport } from "../store/members/data-exports.ts";
import { type Admin, pageSize } from "./admin-context.ts";
import { badInput, unwrap } from "./errors.ts";
import type { Resolvers } from "./execute.ts";

function customerIdArg(raw: unknown): string {
  const id = String(raw).trim();
  if (id.length < 1 || id.length > 255) throw badInput("customerId must be 1 to 255 characters");
  return id;
}

function exportNode(e: DataExport) {
  return e;
}

/** Data requests in the admin: list, read and make a member's export. */
export const dataExportsAdminResolvers: Resolvers<Admin> = {
  Query: {
    async dataExports(_source, args, a) {
      const customerId = args.customerId === null || args.customerId === undefined ? null : customerIdArg(args.customerId);
      const program = await a.program();
      return a.engine.compliance.exports(program.id, { customerId, first: pageSize(args.first as number) });
    },
    async dataExport(_source, args, a) {
      const program = await a.program();
      const found = await a.engine.compliance.export(program.id, String(args.id));
      return found && exportNode(found);
    },
  },
  Mutation: {
    async exportMemberData(_source, args, a) {
      const key = args.idempotencyKey as string;
      if (key.length < 1 || key.length > 100) throw badInput("idempotencyKey must be 1 to 100 characters");
      const program = await a.program();
      const request = { customerId: customerIdArg(args.customerId), key, actor: a.ctx.actor };
      return exportNode(unwrap(await a.engine.compliance.requestExport(program, request, a.ctx.now)).export);
    },
  },
};
