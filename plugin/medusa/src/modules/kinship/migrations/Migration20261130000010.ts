import { hostMigrationScript } from "@kinship/engine";
import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Kinship engine migration 0010_outbox_lease (applied once, recorded in kinship_migrations). */
export class Migration20261130000010 extends Migration {
  override async up(): Promise<void> {
    this.addSql(hostMigrationScript("0010_outbox_lease"));
  }
}
