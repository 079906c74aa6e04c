import { hostMigrationScript } from "@kinship/engine";
import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Kinship engine migration 0022_finance (applied once, recorded in kinship_migrations). */
export class Migration20261130000022 extends Migration {
  override async up(): Promise<void> {
    this.addSql(hostMigrationScript("0022_finance"));
  }
}
