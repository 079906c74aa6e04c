import type { MedusaContainer } from "@medusajs/framework/types";
import { KINSHIP_MODULE } from "../modules/kinship";
import type KinshipModuleService from "../modules/kinship/service";

/** The Kinship module's service, from any container (subscribers, jobs, routes, workflow steps). */
export function kinshipOf(container: Pick<MedusaContainer, "resolve">): KinshipModuleService {
  return container.resolve<KinshipModuleService>(KINSHIP_MODULE);
}
