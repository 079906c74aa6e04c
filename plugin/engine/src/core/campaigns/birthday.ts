import { DateTime } from "luxon";
import type { SetBirthdayCommand } from "../handlers/commands.ts";
import type { Draft } from "../ledger/draft.ts";
import { type EngineError, err, ok, type Result } from "../result.ts";

/**
 * The member gives their birthday (the widget): once. The same date again changes nothing; another
 * date once one is known is refused (BirthdayLocked), so a birthday cannot be moved to collect its
 * bonus twice. The platform's own customer updates are not held to this (the store owns that record).
 */
export function setBirthday(draft: Draft, c: SetBirthdayCommand): Result<void, EngineError> {
  const member = draft.member;
  if (!member) return err({ code: "UnknownMember", message: `no member ${c.customerId}`, customerId: c.customerId });
  const today = DateTime.fromJSDate(draft.now, { zone: draft.config.timezone }).toISODate();
  if (today !== null && c.birthday > today)
    return err({ code: "InvalidEvent", message: `birthday ${c.birthday} is in the future`, issues: ["birthday: in the future"] });
  const current = member.profile.birthday;
  if (current === c.birthday) {
    draft.decision.notes.push("birthday already set to this date");
    return ok(undefined);
  }
  if (current !== null)
    return err({ code: "BirthdayLocked", message: `member ${c.customerId} already gave a birthday`, customerId: c.customerId });
  member.profile.birthday = c.birthday;
  return ok(undefined);
}
