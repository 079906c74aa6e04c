import { hostMigrationScript } from "@kinship/engine";
import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Kinship engine migration 0023_webhook_keys (applied once, recorded in kinship_migrations). */
export class Migration20261130000023 extends Migration {
  override async up(): Promise<void> {
    this.addSql(hostMigrationScript("0023_webhook_keys"));
  }
}
