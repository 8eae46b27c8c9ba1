import { afterEach, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db/prisma";
import { listActiveStaff } from "@/lib/staff";
import { freshDb, type TestDb } from "@/tests/support/db";

let t: TestDb | undefined;
afterEach(() => t?.cleanup());

describe("listActiveStaff (Prisma client over the same SQLite file)", () => {
  it("lists active staff by name and leaves out inactive ones", async () => {
    t = freshDb();
    const insert = t.db.prepare("INSERT INTO Staff (name, active, createdAt) VALUES (?, ?, 0)");
    insert.run("Sam", 1);
    insert.run("Alex", 1);
    insert.run("Gone", 0);
    const db = createPrisma(t.file);
    try {
      expect((await listActiveStaff(db)).map((s) => s.name)).toEqual(["Alex", "Sam"]);
    } finally {
      await db.$disconnect();
    }
  });
});
