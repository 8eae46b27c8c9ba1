// What /api/health reports: the build's version, whether the database answers, and whether
// every migration in prisma/migrations has been applied to it.
import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Sqlite } from "@/lib/db/sqlite";

export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  database: z.object({ reachable: z.boolean(), error: z.string().optional() }),
  migrations: z.object({ applied: z.number(), expected: z.number(), upToDate: z.boolean() }),
  demoMode: z.boolean(),
});
export type Health = z.infer<typeof healthSchema>;

/** Migration folder names shipped with this build. */
export function expectedMigrations(migrationsDir: string): string[] {
  try {
    return readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

export function checkHealth(input: {
  db: () => Sqlite;
  migrationsDir: string;
  version: string;
  demoMode: boolean;
}): Health {
  const expected = expectedMigrations(input.migrationsDir);
  let applied: string[] = [];
  let error: string | undefined;
  try {
    applied = input
      .db()
      .prepare(
        "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      )
      .all()
      .map((row) => z.object({ name: z.string() }).parse(row).name);
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  const upToDate = error === undefined && expected.every((name) => applied.includes(name));
  return {
    status: upToDate ? "ok" : "degraded",
    version: input.version,
    database: { reachable: error === undefined, ...(error ? { error } : {}) },
    migrations: { applied: applied.length, expected: expected.length, upToDate },
    demoMode: input.demoMode,
  };
}

export const MIGRATIONS_DIR_NAME = path.join("prisma", "migrations");
