import { type CampaignState, campaignStateOf, type ProgramConfig } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";

/** A member's campaign progress (all zero for a customer with none yet). */
export async function memberCampaigns(db: Db, programId: number, customerId: string): Promise<CampaignState> {
  const row = await db
    .selectFrom("kinship_member_campaign as c")
    .innerJoin("kinship_member as m", "m.id", "c.member_id")
    .select("c.state")
    .where("m.program_id", "=", programId)
    .where("m.customer_id", "=", customerId)
    .executeTakeFirst();
  return campaignStateOf(row?.state);
}

export interface EarnedBadge {
  key: string;
  name: string;
  description: string | null;
  icon: string | null;
  color: string | null;
  earnedAt: string;
}

export interface StampCardProgress {
  id: string;
  name: string;
  stamps: number;
  collected: number;
  completed: number;
}

/** The member's badges that the program still offers, oldest first. */
export function earnedBadges(config: ProgramConfig, state: CampaignState): EarnedBadge[] {
  return config.campaigns.badges
    .flatMap((b) => {
      const earnedAt = state.badges[b.key];
      if (earnedAt === undefined) return [];
      return [{ key: b.key, name: b.name, description: b.description ?? null, icon: b.icon ?? null, color: b.color ?? null, earnedAt }];
    })
    .sort((a, b) => a.earnedAt.localeCompare(b.earnedAt) || a.key.localeCompare(b.key));
}

/** Every stamp card of the program with the member's progress on it. */
export function stampCardProgress(config: ProgramConfig, state: CampaignState): StampCardProgress[] {
  return config.campaigns.stampCards.map((card) => {
    const s = state.stamps[card.id] ?? { collected: 0, completed: 0 };
    return { id: card.id, name: card.name, stamps: card.stamps, collected: s.collected, completed: s.completed };
  });
}
