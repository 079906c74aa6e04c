import type { Plan } from "../config/plans.ts";
import type { ProgramConfig } from "../config/schema.ts";
import { addDays, addMonths } from "../time.ts";
import type { MembershipRecord, PlanPurchase } from "./record.ts";

export type MembershipStatus = "ACTIVE" | "GRACE" | "ENDING" | "LAPSED";

/** A paying member holds the plan's tier and benefits. */
export const PAYING: readonly MembershipStatus[] = ["ACTIVE", "GRACE", "ENDING"];

interface Segment {
  orderId: string;
  start: Date;
  end: Date;
}

/** One unbroken membership: the periods paid back to back, and how it ends if it was refunded. */
export interface Run {
  plan: Plan;
  segments: Segment[];
  /** Refunded with onRefund = periodEnd: benefits stop here. */
  endsAt: Date | null;
  /** Refunded with onRefund = immediately: benefits stopped here. */
  stoppedAt: Date | null;
  /** Whether each order started the run or renewed it. */
  roles: Map<string, "started" | "renewed">;
}

export interface MembershipView {
  plan: Plan;
  status: MembershipStatus;
  startedAt: Date;
  periodStart: Date;
  periodEnd: Date;
  benefitsUntil: Date;
  orderIds: string[];
}

export function addPeriod(at: Date, period: Plan["period"], zone: string): Date {
  return addMonths(at, period === "year" ? 12 : 1, zone);
}

function lastEnd(run: Run): Date {
  return (run.segments[run.segments.length - 1] as Segment).end;
}

/** When the run's benefits stop unless renewed: the refund, the refunded period's end, or the last period's end plus grace. */
export function benefitsUntil(run: Run): Date {
  return run.stoppedAt ?? run.endsAt ?? addDays(lastEnd(run), run.plan.graceDays);
}

/**
 * The member's current run, folded from the purchases in time order (refunds at their time): a
 * purchase of the same plan while its benefits last renews it from the current end (early
 * renewal keeps the time left; inside grace it extends from the old end); otherwise it starts a
 * new run at the purchase. A refund ends the run at once or at the end of the period it falls in.
 * Purchases of plans no longer in the config are left out.
 */
export function currentRun(record: MembershipRecord | null | undefined, config: Pick<ProgramConfig, "plans" | "timezone">): Run | null {
  if (!record) return null;
  type Step = { at: Date; end: boolean; p: PlanPurchase };
  const steps: Step[] = [];
  for (const p of record.purchases) {
    steps.push({ at: p.at, end: false, p });
    if (p.endedAt) steps.push({ at: new Date(Math.max(p.endedAt.getTime(), p.at.getTime())), end: true, p });
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.end) - Number(b.end) || a.p.orderId.localeCompare(b.p.orderId));
  let run: Run | null = null;
  for (const { at, end, p } of steps) {
    const plan = config.plans.find((x) => x.key === p.plan);
    if (!plan) continue;
    if (!end) {
      if (run && run.plan.key === plan.key && at < benefitsUntil(run)) {
        const base = run.endsAt ?? lastEnd(run);
        run.endsAt = null;
        run.segments.push({ orderId: p.orderId, start: base, end: addPeriod(base, plan.period, config.timezone) });
        run.roles.set(p.orderId, "renewed");
      } else {
        run = {
          plan,
          segments: [{ orderId: p.orderId, start: at, end: addPeriod(at, plan.period, config.timezone) }],
          endsAt: null,
          stoppedAt: null,
          roles: new Map([[p.orderId, "started"]]),
        };
      }
      continue;
    }
    if (!run || run.stoppedAt || !run.segments.some((s) => s.orderId === p.orderId)) continue;
    if (run.plan.onRefund === "immediately") {
      run.stoppedAt = at;
      continue;
    }
    const running = run.segments.find((s) => s.start <= at && at < s.end);
    const endsAt = running ? running.end : at;
    run.endsAt = run.endsAt && run.endsAt < endsAt ? run.endsAt : endsAt;
    const until = run.endsAt;
    run.segments = run.segments.filter((s, i) => i === 0 || s.start < until);
  }
  return run;
}

export function statusAt(run: Run, now: Date): MembershipStatus {
  if (run.stoppedAt) return now < run.stoppedAt ? "ACTIVE" : "LAPSED";
  if (run.endsAt) return now < run.endsAt ? "ENDING" : "LAPSED";
  if (now < lastEnd(run)) return "ACTIVE";
  return now < benefitsUntil(run) ? "GRACE" : "LAPSED";
}

export function viewOf(run: Run, now: Date): MembershipView {
  const current = run.segments.find((s) => s.start <= now && now < s.end) ?? (run.segments[run.segments.length - 1] as Segment);
  const periodEnd = run.endsAt && run.endsAt < current.end ? run.endsAt : current.end;
  return {
    plan: run.plan,
    status: statusAt(run, now),
    startedAt: (run.segments[0] as Segment).start,
    periodStart: current.start,
    periodEnd,
    benefitsUntil: benefitsUntil(run),
    orderIds: run.segments.map((s) => s.orderId),
  };
}

export function membershipAt(
  record: MembershipRecord | null | undefined,
  config: Pick<ProgramConfig, "plans" | "timezone">,
  now: Date,
): MembershipView | null {
  const run = currentRun(record, config);
  return run ? viewOf(run, now) : null;
}

export function isPaying(view: MembershipView | null): view is MembershipView {
  return view !== null && PAYING.includes(view.status);
}
