import { hostMigrationScript } from "@kinship/engine";
import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Kinship engine migration 0017_campaigns (applied once, recorded in kinship_migrations). */
export class Migration20261130000017 extends Migration {
  override async up(): Promise<void> {
    this.addSql(hostMigrationScript("0017_campaigns"));
  }
}
