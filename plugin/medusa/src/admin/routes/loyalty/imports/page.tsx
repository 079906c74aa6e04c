import { ImportsPage } from "@kinship/admin/medusa";
import { defineRouteConfig } from "@medusajs/admin-sdk";

/** Loyalty → Import members: another loyalty app's export, dry run first, then applied with a progress bar. */
const Imports = () => <ImportsPage />;

export const config = defineRouteConfig({ label: "Import members", rank: 7 });

export default Imports;
