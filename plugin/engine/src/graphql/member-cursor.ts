import { createHash } from "node:crypto";
import { MEMBER_SORTS, type MemberKeyset, type MemberSort, validKeysetValue } from "../store/members/search.ts";
import { badInput } from "./errors.ts";

/** What a members cursor is bound to: the list it came from. */
export interface MemberList {
  search: string | null;
  tierKey: string | null;
  sort: MemberSort;
}

function fingerprint(list: MemberList): string {
  return createHash("sha256")
    .update(JSON.stringify([list.search, list.tierKey]))
    .digest("base64url")
    .slice(0, 12);
}

/** Opaque to clients: base64url of the sort, the list's search and tier (hashed) and where the page ended. */
export function encodeMemberCursor(list: MemberList, at: MemberKeyset): string {
  return Buffer.from(`members:${list.sort}:${fingerprint(list)}:${at.value}:${at.id}`, "utf8").toString("base64url");
}

/** Where the previous page of this list ended; a cursor of another sort, search or tier (or none of ours) is refused. */
export function decodeMemberCursor(cursor: string, list: MemberList): MemberKeyset {
  const m = /^members:([A-Z_]+):([\w-]{12}):(-?\d{1,19}):([1-9]\d{0,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const [, sort, print, value, id] = m ?? [];
  if (!sort || !print || !value || !id || !(MEMBER_SORTS as readonly string[]).includes(sort) || !validKeysetValue(value))
    throw badInput("after is not a members cursor from this API");
  if (sort !== list.sort)
    throw badInput(`after is a cursor of the ${sort} sort; this list is sorted ${list.sort}: start again without after`);
  if (print !== fingerprint(list))
    throw badInput("after is a cursor of another search or tier: pass the same search and tier, or start again without after");
  return { value, id: Number(id) };
}
