import { Module } from "@medusajs/framework/utils";
import KinshipModuleService from "./service";

export const KINSHIP_MODULE = "kinship";

export default Module(KINSHIP_MODULE, { service: KinshipModuleService });

export type { KinshipOptions } from "./options";
export { KinshipModuleService };
