import { hostMigrationScript } from "@kinship/engine";
import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Kinship engine migration 0020_segment_sync (applied once, recorded in kinship_migrations). */
export class Migration20261130000020 extends Migration {
  override async up(): Promise<void> {
    this.addSql(hostMigrationScript("0020_segment_sync"));
  }
}
