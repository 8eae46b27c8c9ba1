// migrate, migrate:new NAME — apply or create Prisma migrations with the offline Wasm engine.
import { config } from "@/lib/config";
import { createMigration, migrateIfNeeded } from "@/lib/db/migrations";
import { prepareDataDir } from "@/lib/startup";
import { UsageError } from "@/cli/context";
import { defineCommand } from "@/cli/spec";

export const migrate = defineCommand({
  name: "migrate",
  usage: "",
  summary: "apply pending migrations",
  // The migration engine opens the file itself; no other connection may be open.
  needsDatabase: false,
  run: async (_args, { out }) => {
    const cfg = config();
    prepareDataDir(cfg);
    const applied = await migrateIfNeeded(cfg.databaseFile);
    out(
      applied.length
        ? `Applied ${applied.length} migration(s): ${applied.join(", ")}`
        : "Database is up to date.",
    );
    return 0;
  },
});

export const migrateNew = defineCommand({
  name: "migrate:new",
  usage: "NAME",
  summary: "create the next migration from schema.prisma",
  positionals: { names: ["NAME"], min: 1 },
  needsDatabase: false,
  run: async ({ positionals }, { out }) => {
    const name = positionals[0] ?? "";
    if (!/^[a-z0-9_]{1,60}$/.test(name)) {
      throw new UsageError("Usage: ./run migrate:new NAME (lower-case letters, digits and _)");
    }
    const dir = await createMigration(name);
    out(
      dir
        ? `Created prisma/migrations/${dir}/migration.sql`
        : "schema.prisma matches the migrations: nothing to create.",
    );
    return 0;
  },
});
