import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { storefrontSdl } from "../../plugin/engine/src/graphql/sdl.ts";
import { CLAIM_PERK_MUTATION, ME_QUERY, PERKS_QUERY, PRICES_QUERY, REDEEM_MUTATION, REWARDS_QUERY } from "../src/core/queries.ts";

describe("the widgets' operations", () => {
  const schema = buildSchema(storefrontSdl);
  it.each([
    ["me", ME_QUERY],
    ["memberPrices", PRICES_QUERY],
    ["rewards", REWARDS_QUERY],
    ["redeem", REDEEM_MUTATION],
    ["perks", PERKS_QUERY],
    ["claimPerk", CLAIM_PERK_MUTATION],
  ])("%s is valid against the storefront contract (storefrontSdl)", (_name, query) => {
    expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
  });
});
