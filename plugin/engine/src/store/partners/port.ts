import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import { claimPerk, importPerkCodes, memberPerks, partnerSettlement } from "./partners.ts";

export function partnersPort(db: Db) {
  return {
    importCodes: bind(db, importPerkCodes),
    claim: bind(db, claimPerk),
    perksOf: bind(db, memberPerks),
    settlement: bind(db, partnerSettlement),
  };
}

export type PartnersPort = ReturnType<typeof partnersPort>;
