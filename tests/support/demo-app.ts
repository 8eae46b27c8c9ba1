// Route handlers called in-process on the demo business: each test gets a fresh database with
// the demo loaded and the app's clients pointed at it; everything is closed after each test.
import { afterEach } from "vitest";
import { disconnectPrisma } from "@/lib/db/prisma";
import { closeSqlite, type Sqlite } from "@/lib/db/sqlite";
import { loadDemoData } from "@/lib/demo";
import { pointAppAtDatabase } from "@/tests/support/app-env";
import { freshDb, type TestDb } from "@/tests/support/db";

/** Registers the clean-up; the returned function opens a fresh demo database for one test. */
export function demoAppDatabase(): () => Sqlite {
  let t: TestDb | undefined;
  afterEach(async () => {
    closeSqlite();
    await disconnectPrisma();
    t?.cleanup();
    t = undefined;
  });
  return () => {
    t = freshDb();
    loadDemoData(t.db, new Date());
    pointAppAtDatabase(t.file, { BUSINESS_TIMEZONE: "Europe/London" });
    return t.db;
  };
}
