import { z } from "zod";
import { CustomerId } from "../ids.ts";

const key = z.string().min(1).max(300);
const points = z.number().int().safe();

export const SpendCommand = z.strictObject({
  type: z.literal("spend"),
  key,
  customerId: CustomerId,
  points: points.positive(),
  reason: z.string().min(1).max(500),
  actor: z.string().max(200).nullable().default(null),
});

export const AdjustCommand = z
  .strictObject({
    type: z.literal("adjust"),
    key,
    customerId: CustomerId,
    points: points.default(0),
    growth: points.default(0),
    reason: z.string().trim().min(1, "an adjustment needs a reason").max(500),
    actor: z.string().trim().min(1, "an adjustment needs an actor").max(200),
  })
  .refine((c) => c.points !== 0 || c.growth !== 0, "an adjustment changes points or growth");

/**
 * Reverses a spend exactly (a failed redemption's compensation): every lot the spend drew from
 * gets its points back. `spendKey` is the spend command's key.
 */
export const CancelSpendCommand = z.strictObject({
  type: z.literal("cancelSpend"),
  key,
  customerId: CustomerId,
  spendKey: key,
  reason: z.string().trim().min(1, "a cancellation needs a reason").max(500),
  actor: z.string().max(200).nullable().default(null),
});

/** Brings a member up to date: maturity, expiry, and a full tier evaluation (downgrades with grace). */
export const EvaluateCommand = z.strictObject({ type: z.literal("evaluate"), customerId: CustomerId });

/** Brings a member up to date without a tier review: pending points mature, due points expire. */
export const TickCommand = z.strictObject({ type: z.literal("tick"), customerId: CustomerId });

/** The clock's campaigns for one member (birthday, anniversary), given when due; see core/campaigns/clock.ts. */
export const CampaignsCommand = z.strictObject({ type: z.literal("campaigns"), customerId: CustomerId });

/** The member's own birthday (YYYY-MM-DD), set once (see core/campaigns/birthday.ts). */
export const SetBirthdayCommand = z.strictObject({ type: z.literal("setBirthday"), customerId: CustomerId, birthday: z.iso.date() });

export const Command = z.discriminatedUnion("type", [
  SpendCommand,
  AdjustCommand,
  CancelSpendCommand,
  EvaluateCommand,
  TickCommand,
  CampaignsCommand,
  SetBirthdayCommand,
]);
export type Command = z.infer<typeof Command>;
export type CommandInput = z.input<typeof Command>;
export type SpendCommand = z.infer<typeof SpendCommand>;
export type AdjustCommand = z.infer<typeof AdjustCommand>;
export type CancelSpendCommand = z.infer<typeof CancelSpendCommand>;
export type SetBirthdayCommand = z.infer<typeof SetBirthdayCommand>;
