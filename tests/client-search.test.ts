// Client searches find a client by their phone number in any notation (the clients screen, the
// booking form's picker and `clients:list` through Prisma; /api/v1 through SQL), on a real
// SQLite file; names and emails match as before, and texts that are no number match as text.
import { describe, expect, it } from "vitest";
import { listApiClients } from "@/lib/api/v1/clients";
import { listClients } from "@/lib/clients";
import { searchClients } from "@/lib/schedule/clients";
import { updateSettings } from "@/lib/settings";
import { ingestObjects } from "@/lib/stripe/ingest";
import { prismaDbPerTest } from "@/tests/support/prisma-db";
import { T0, customer } from "@/tests/support/stripe-objects";

const setup = prismaDbPerTest();
const now = new Date(T0 * 1000 + 3600_000);

const FORMS = ["07700 900457", "+44 7700 900457", "07700900457", "+447700900457", "07700-900-457"];

function seed() {
  const { t, db } = setup();
  updateSettings(t.db, { timeZone: "Europe/London", phoneCountry: null });
  ingestObjects(
    t.db,
    [
      customer("cus_priya", { name: "Priya Shah", email: "priya@example.com", phone: "+44 7700 900457" }),
      customer("cus_next", { name: "Next Door", email: "next@example.com", phone: "07700 900458" }),
      customer("cus_us", { name: "Sam Field", email: "sam@example.com", phone: "+1 212 555 0123" }),
      customer("cus_2024", { name: "Studio 2024-12", email: "studio@example.com", phone: null }),
    ].map((object) => ({ object, sourceAt: new Date(T0 * 1000) })),
    { now },
  );
  return { sql: t.db, db };
}

describe("client search by phone", () => {
  it("every notation of a number finds that client alone, on every search", async () => {
    const { sql, db } = seed();
    for (const q of FORMS) {
      expect(
        (await searchClients(db, { q, page: 1 })).rows.map((r) => r.stripeId),
        q,
      ).toEqual(["cus_priya"]);
      expect(
        (await listClients(db, { search: q })).map((r) => r.stripeId),
        q,
      ).toEqual(["cus_priya"]);
      expect(
        listApiClients(sql, { q, limit: 50 }, null).data.map((r) => r.id),
        q,
      ).toEqual(["cus_priya"]);
    }
  });

  it("part of a number (6 digits or more) finds every client it is part of", async () => {
    const { sql, db } = seed();
    const ids = async (q: string) => (await listClients(db, { search: q })).map((r) => r.stripeId).sort();
    expect(await ids("07700 9004")).toEqual(["cus_next", "cus_priya"]);
    expect(await ids("900457")).toEqual(["cus_priya"]);
    expect(await ids("212 555")).toEqual(["cus_us"]);
    expect(listApiClients(sql, { q: "+44 7700 90045", limit: 50 }, null).data.map((r) => r.id)).toEqual([
      "cus_priya",
      "cus_next",
    ]);
  });

  it("names, emails and short or non-number texts match as before", async () => {
    const { sql, db } = seed();
    expect((await listClients(db, { search: "priya" })).map((r) => r.stripeId)).toEqual(["cus_priya"]);
    expect((await searchClients(db, { q: "sam@", page: 1 })).rows.map((r) => r.stripeId)).toEqual(["cus_us"]);
    expect(listApiClients(sql, { q: "2024-12", limit: 50 }, null).data.map((r) => r.id)).toEqual([
      "cus_2024",
    ]);
    // Five digits are no phone search: nobody's name or email holds them.
    expect(await listClients(db, { search: "90045" })).toEqual([]);
  });
});
