import type { CampaignState } from "../core/index.ts";
import { earnedBadges, stampCardProgress } from "../store/members/campaigns.ts";
import type { Program } from "../store/programs/programs.ts";
import type { Admin } from "./admin-context.ts";
import { ApiError, badInput, unwrap } from "./errors.ts";
import type { Resolvers } from "./execute.ts";
import type { Shopper } from "./shopper.ts";
import { memberNode } from "./views.ts";

/** What a Member / AdminMember node carries (its customer), and a birthday when the node was built with one. */
type MemberSource = { customerId: string; birthday?: string | null };

/** One read of a member's campaign progress per node, however many of its fields are asked for. */
const progress = new WeakMap<object, Promise<CampaignState>>();

function campaignsOf(source: MemberSource, program: Program, read: (programId: number, customerId: string) => Promise<CampaignState>) {
  let p = progress.get(source);
  if (!p) {
    p = read(program.id, source.customerId);
    progress.set(source, p);
  }
  return p;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const campaignsStorefrontResolvers: Resolvers<Shopper> = {
  Member: {
    async badges(source, _args, s) {
      const program = await s.program();
      return earnedBadges(program.config, await campaignsOf(source as MemberSource, program, s.engine.members.campaigns));
    },
    async stampCards(source, _args, s) {
      const program = await s.program();
      return stampCardProgress(program.config, await campaignsOf(source as MemberSource, program, s.engine.members.campaigns));
    },
    async birthday(source, _args, s) {
      const node = source as MemberSource;
      if (node.birthday !== undefined) return node.birthday;
      return (await s.member())?.profile.birthday ?? null;
    },
  },
  Mutation: {
    async setBirthday(_source, args, s) {
      const { customerId, now } = s.ctx;
      if (customerId === null) throw new ApiError("UNAUTHENTICATED", "sign in to set your birthday");
      const date = args.date as string;
      if (!DATE.test(date)) throw badInput(`date must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
      const program = await s.program();
      unwrap(await s.engine.apply(s.ctx.program, { type: "setBirthday", customerId, birthday: date }, now));
      const view = unwrap(await s.engine.members.of(program, customerId, now));
      const node = memberNode(view, program.config, () => s.engine.members.expiring(program.id, customerId, now));
      return { ...node, birthday: view.profile.birthday };
    },
  },
};

export const campaignsAdminResolvers: Resolvers<Admin> = {
  AdminMember: {
    async badges(source, _args, a) {
      const program = await a.program();
      return earnedBadges(program.config, await campaignsOf(source as MemberSource, program, a.engine.members.campaigns));
    },
    async stampCards(source, _args, a) {
      const program = await a.program();
      return stampCardProgress(program.config, await campaignsOf(source as MemberSource, program, a.engine.members.campaigns));
    },
  },
};
