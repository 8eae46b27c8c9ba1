// A fresh SQLite file with a Prisma client on it, per test: both closed and removed afterwards.
import { afterEach } from "vitest";
import { createPrisma, type Db } from "@/lib/db/prisma";
import { freshDb, type TestDb } from "@/tests/support/db";

/** Returns `setup()`, which gives each test its own database (raw connection and Prisma client). */
export function prismaDbPerTest(): () => { t: TestDb; db: Db } {
  let t: TestDb | undefined;
  let prisma: Db | undefined;
  afterEach(async () => {
    await prisma?.$disconnect();
    prisma = undefined;
    t?.cleanup();
    t = undefined;
  });
  return () => {
    t = freshDb();
    prisma = createPrisma(t.file);
    return { t, db: prisma };
  };
}
