import type { LedgerLine, MemberView } from "../store/members/members.ts";
import type { Program } from "../store/programs/programs.ts";
import { type Admin, type LedgerArgs, pageSize } from "./admin-context.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { badInput, unwrap } from "./errors.ts";
import { type MemberNode, memberNode } from "./views.ts";

export function adminMember(
  a: Admin,
  program: Program,
  view: MemberView,
): MemberNode & {
  profile: unknown;
  override: MemberView["override"];
  joinedAt: string;
  lastActivityAt: string | null;
  ledger: (args: LedgerArgs) => unknown;
} {
  const { members } = a.engine;
  return {
    ...memberNode(view, program.config, () => members.expiring(program.id, view.customerId, a.ctx.now)),
    profile: view.profile,
    override: view.override,
    joinedAt: view.joinedAt,
    lastActivityAt: view.lastActivityAt,
    async ledger({ first, after }: LedgerArgs) {
      const beforeId = after ? decodeCursor(after) : null;
      if (after && beforeId === null) throw badInput("after is not a ledger cursor from this API");
      const page = await members.ledgerPage(program.id, view.customerId, { first: pageSize(first), beforeId });
      return {
        lines: page.lines.map(lineNode),
        nextCursor: page.lastId === null ? null : encodeCursor(page.lastId),
      };
    },
  };
}

export function lineNode(l: LedgerLine) {
  return {
    key: l.key,
    kind: l.kind,
    available: l.available,
    pending: l.pending,
    reason: l.reason,
    actor: l.actor,
    orderId: l.orderId,
    occurredAt: l.occurredAt,
  };
}

export async function memberOf(a: Admin, customerId: string) {
  const program = await a.program();
  const found = await a.engine.member(a.ctx.program, customerId, a.ctx.now);
  if (!found.ok && found.error.code === "UnknownMember") return null;
  return adminMember(a, program, unwrap(found));
}
