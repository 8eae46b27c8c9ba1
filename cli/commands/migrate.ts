// migrate, migrate:new NAME — apply or create Prisma migrations with the offline Wasm engine.
import { config } from "@/lib/config";
import { createMigration, migrateIfNeeded } from "@/lib/db/migrations";
import { UsageError, type Command } from "@/cli/context";

export const migrate: Command = async (_args, { out }) => {
  const applied = await migrateIfNeeded(config().databaseFile);
  out(
    applied.length
      ? `Applied ${applied.length} migration(s): ${applied.join(", ")}`
      : "Database is up to date.",
  );
  return 0;
};

export const migrateNew: Command = async (args, { out }) => {
  const name = args[0] ?? "";
  if (!/^[a-z0-9_]{1,60}$/.test(name)) {
    throw new UsageError("Usage: migrate:new NAME (lower-case letters, digits and _)");
  }
  const dir = await createMigration(name);
  out(
    dir
      ? `Created prisma/migrations/${dir}/migration.sql`
      : "schema.prisma matches the migrations: nothing to create.",
  );
  return 0;
};
