// GET /api/v1/clients?q= over HTTP against the built server: a client is found by every way a
// phone number is written, including one mirrored before numbers were stored in E.164 (filled
// in by the server's start); names still match as text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestObjects } from "@/lib/stripe/ingest";
import { startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, withDb, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll } from "@/tests/support/faults/processes";
import { seedApiBusiness, type Seeded } from "@/tests/support/api-v1-seed";
import { customer } from "@/tests/support/stripe-objects";

const now = new Date();
let dir: DataDir;
let server: AppServer;
let seed: Seeded;

async function search(q: string, token = seed.tokens.ownerRead): Promise<string[]> {
  const response = await fetch(`${server.url}/api/v1/clients?${new URLSearchParams({ q })}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status, q).toBe(200);
  return ((await response.json()) as { data: { id: string }[] }).data.map((c) => c.id).sort();
}

describe.skipIf(!standaloneBuilt())("/api/v1/clients?q= by phone number", () => {
  beforeAll(async () => {
    dir = preparedDataDir(now);
    seed = await seedApiBusiness(dir.file, now);
    withDb(dir.file, (db) => {
      ingestObjects(
        db,
        [
          customer("cus_priya", { name: "Priya Shah", phone: "+44 7700 900457" }),
          customer("cus_next", { name: "Next Door", phone: "07700 900458" }),
        ].map((object) => ({ object, sourceAt: new Date(now.getTime() - 60_000) })),
        { now },
      );
      // Mirrored by an older version: a phone, no E.164 yet.
      db.prepare(
        `INSERT INTO Client (stripeId, name, phone, raw, contentHash, stripeCreated, sourceAt, appliedAt)
         VALUES ('cus_old', 'Olive Old', '07700 900999', '{}', 'h', 0, 0, 0)`,
      ).run();
    });
    server = await startAppServer(dir.dir, { env: { API_RATE_LIMIT_PER_MINUTE: "100000" } });
  }, 90_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  it("finds the client by each notation of their number, and only them", async () => {
    for (const q of ["07700 900457", "+44 7700 900457", "07700900457", "+447700900457", "07700-900-457"])
      expect(await search(q), q).toEqual(["cus_priya"]);
  });

  it("finds a client mirrored before the numbers were stored in E.164", async () => {
    expect(
      withDb(dir.file, (db) => db.prepare("SELECT phoneE164 FROM Client WHERE stripeId = 'cus_old'").get()),
    ).toEqual({ phoneE164: "+447700900999" });
    expect(await search("+44 7700 900999")).toEqual(["cus_old"]);
  });

  it("part of a number finds every client it is part of; names match as before", async () => {
    expect(await search("07700 90045")).toEqual(["cus_next", "cus_priya"]);
    expect(await search("900458")).toEqual(["cus_next"]);
    expect(await search("priya")).toEqual(["cus_priya"]);
    // A walker sees only the clients of their own visits, phone search included.
    expect(await search("07700 900457", seed.tokens.alexRead)).toEqual([]);
  });
});
