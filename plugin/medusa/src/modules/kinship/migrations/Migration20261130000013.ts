import { hostMigrationScript } from "@kinship/engine";
import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Kinship engine migration 0013_member_search (applied once, recorded in kinship_migrations). */
export class Migration20261130000013 extends Migration {
  override async up(): Promise<void> {
    this.addSql(hostMigrationScript("0013_member_search"));
  }
}
