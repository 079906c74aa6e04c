import { hostMigrationScript } from "@kinship/engine";
import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Kinship engine migration 0005_lot_member_index (applied once, recorded in kinship_migrations). */
export class Migration20261130000005 extends Migration {
  override async up(): Promise<void> {
    this.addSql(hostMigrationScript("0005_lot_member_index"));
  }
}
