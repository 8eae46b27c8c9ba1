// Malformed query strings to GET /api/bookings (route handler in-process): never a 500, every
// error is problem JSON, a 200 lists only bookings that satisfy the filters it accepted, and
// the database is untouched.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/bookings/route";
import { apiBookingSchema } from "@/lib/api/bookings";
import { bookingStatuses } from "@/lib/bookings/types";
import { closeSqlite, openSqlite, type Sqlite } from "@/lib/db/sqlite";
import { ingestObjects } from "@/lib/stripe/ingest";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { preparedDataDir, removeDataDirs } from "@/tests/support/faults/data-dir";
import { expectProblem } from "@/tests/support/faults/fuzz";
import { pointAppAt } from "@/tests/support/faults/in-process";
import { appState, rowCounts } from "@/tests/support/faults/state";
import { signedInCookie, withAuth } from "@/tests/support/auth";

const ctx = { params: Promise.resolve({}) };
const now = new Date();
let db: Sqlite;
let cookie = "";
let sample: { staffId: number | null; clientStripeId: string | null; sourceId: string | null }[] = [];
beforeAll(async () => {
  const dir = preparedDataDir(now);
  db = openSqlite(dir.file);
  const account = generateAccount({ customers: 25, seed: 13, now });
  ingestObjects(
    db,
    Object.values(account)
      .flat()
      .map((object) => ({ object, sourceAt: now })),
    { now },
  );
  sample = db
    .prepare("SELECT staffId, clientStripeId, sourceId FROM Booking LIMIT 20")
    .all() as typeof sample;
  pointAppAt(dir.file);
  // The owner sees every booking (a walker only their own), so the filters have rows to match.
  cookie = await signedInCookie("owner");
});
afterAll(() => {
  closeSqlite();
  db.close();
  removeDataDirs();
});

const known = ["from", "to", "status", "staffId", "clientId", "sourceId", "limit"] as const;
const dateLike = fc.oneof(
  fc.date({ min: new Date(-1e14), max: new Date(1e14), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    "2024-02-30",
    "2023-02-29",
    "2024-01-01T24:00:00Z",
    "2024-01-01T00:00:00+23:59",
    "0000-01-01",
    "+275760-09-13T00:00:00.000Z",
    "2024-1-1",
    "NaN",
    "",
  ),
);
const numberLike = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom("0", "-1", "1e3", "1e400", "0x10", " 5 ", "9007199254740993", "Infinity", "", "1.5", "١٢"),
);
const value = fc.oneof(
  dateLike,
  numberLike,
  fc.constantFrom(...bookingStatuses, "SCHEDULED", "cancelled "),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 10 }),
);
const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...known) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const query = fc.array(fc.tuple(key, value), { maxLength: 5 });

function matches(
  booking: ReturnType<typeof apiBookingSchema.parse>,
  filters: Record<string, string>,
): boolean {
  if (filters.status && booking.status !== filters.status) return false;
  if (filters.clientId && booking.clientStripeId !== filters.clientId) return false;
  if (filters.sourceId && booking.sourceId !== filters.sourceId) return false;
  if (filters.from && Date.parse(booking.startAt) < Date.parse(filters.from)) return false;
  if (filters.to && Date.parse(booking.startAt) >= Date.parse(filters.to)) return false;
  return true;
}

describe("GET /api/bookings under malformed query strings", () => {
  it("answers 200 with matching bookings or 4xx problem JSON; never 500, never a write (property)", async () => {
    const before = { counts: rowCounts(db), state: appState(db, []) };
    expect(before.counts.Booking).toBeGreaterThan(0);
    const realValues = fc.constantFrom(
      ...sample.flatMap((s) => [s.clientStripeId, s.sourceId].filter((v): v is string => v !== null)),
    );
    const realQuery = fc.array(
      fc.tuple(fc.constantFrom("clientId", "sourceId", "status", "limit"), fc.oneof(realValues, value)),
      { maxLength: 3 },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(query, realQuery), async (pairs) => {
        const params = new URLSearchParams(pairs);
        const response = await GET(
          withAuth(new Request(`http://localhost/api/bookings?${params.toString()}`), { cookie }),
          ctx,
        );
        expect(response.status).not.toBe(500);
        if (response.status !== 200) {
          expect([400, 422]).toContain(response.status);
          await expectProblem(response);
          return;
        }
        const filters = Object.fromEntries(params);
        const { bookings } = (await response.json()) as { bookings: unknown[] };
        const parsed = bookings.map((b) => apiBookingSchema.parse(b));
        expect(parsed.length).toBeLessThanOrEqual(Number(filters.limit ?? 200));
        expect(parsed.filter((b) => !matches(b, filters))).toEqual([]);
      }),
      { numRuns: 300 },
    );
    expect({ counts: rowCounts(db), state: appState(db, []) }).toEqual(before);
  });
});
