import { createElement, type FormEvent, useId, useState } from "react";
import { fill } from "../core/format.ts";
import { dayText, validBirthday } from "../core/member-view.ts";
import { errorCode } from "./client.ts";
import { useKinship } from "./context.tsx";
import { cx } from "./cx.ts";
import { useCampaigns } from "./hooks.ts";
import { boxes, buttonCss, note } from "./styles.ts";

export interface BirthdayFormProps {
  /** The heading's level (h2 by default). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  className?: string;
}

type Outcome = "saved" | "locked" | "invalid" | "failed";

/**
 * The member's birthday (for the birthday bonus): a date field until it is set, then the date,
 * locked (the API refuses a different one: BirthdayLocked, shown as such). Nothing for guests.
 */
export function BirthdayForm({ headingLevel = 2, className }: BirthdayFormProps) {
  const { session, messages: m, locale } = useKinship();
  const data = useCampaigns();
  const headingId = useId();
  const [date, setDate] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const me = data.status === "ready" ? data.value.me : undefined;
  if (data.status === "error" || me === null) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!validBirthday(date, new Date())) return setOutcome("invalid");
    setBusy(true);
    setOutcome(null);
    session.setBirthday(date).then(
      () => {
        setBusy(false);
        setOutcome("saved");
        session.refresh();
      },
      (error: unknown) => {
        const code = errorCode(error);
        setBusy(false);
        setOutcome(code === "BirthdayLocked" ? "locked" : code && /invalid|BAD_USER_INPUT/i.test(code) ? "invalid" : "failed");
        if (code === "BirthdayLocked") session.refresh();
      },
    );
  };

  const message =
    outcome && { saved: m.birthdaySaved, locked: m.birthdayLocked, invalid: m.birthdayInvalid, failed: m.birthdayFailed }[outcome];
  const errorId = `${headingId}-error`;
  return (
    <section
      className={cx("kinship-birthday", className)}
      style={boxes.birthday}
      aria-labelledby={headingId}
      aria-busy={data.status === "loading" || undefined}
    >
      <style>{buttonCss}</style>
      {createElement(`h${headingLevel}`, { id: headingId }, m.birthday)}
      {me?.birthday ? (
        <p className="kinship-birthday__set">{fill(m.birthdaySet, { date: dayText(me.birthday, locale) })}</p>
      ) : (
        me && (
          <form onSubmit={submit} noValidate>
            <label htmlFor={`${headingId}-date`} style={{ display: "block" }}>
              {m.birthdayLabel}
            </label>
            <input
              id={`${headingId}-date`}
              type="date"
              value={date}
              max={new Date().toISOString().slice(0, 10)}
              onChange={(e) => setDate(e.currentTarget.value)}
              aria-invalid={outcome === "invalid" || undefined}
              aria-describedby={`${headingId}-help${outcome && outcome !== "saved" ? ` ${errorId}` : ""}`}
              style={{ font: "inherit" }}
            />{" "}
            <button type="submit" className="kinship-button" disabled={busy}>
              {busy ? m.birthdaySaving : m.birthdaySave}
            </button>
            <small id={`${headingId}-help`} style={note}>
              {m.birthdayHelp}
            </small>
          </form>
        )
      )}
      <p id={errorId} role="status" className="kinship-birthday__result">
        {message}
      </p>
    </section>
  );
}
