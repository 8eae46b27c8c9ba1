// Realistic booking rows written with raw SQL, for benchmarks that read bookings (feeds):
// derived-looking keys and titles, clients and staff to join, times spread over a window,
// some cancelled. Deterministic for a seed.
import type { Sqlite } from "@/lib/db/sqlite";
import { person } from "@/lib/stripe-fixtures/people";
import { createRng } from "@/lib/stripe-fixtures/random";

export interface BookingFill {
  bookings: number;
  clients: number;
  staff: number;
  /** Start times are spread uniformly over [from, to). */
  from: Date;
  to: Date;
  cancelledShare: number;
  now: Date;
  seed?: number;
}

const services = [
  { code: "WALK30", name: "Dog Walk (30 min)", minutes: 30 },
  { code: "WALK60", name: "Dog Walk (1 hour)", minutes: 60 },
  { code: "DAYCARE", name: "Doggy Daycare", minutes: 540 },
  { code: "GROOM", name: "Grooming", minutes: 90 },
  { code: "PUPPY", name: "Puppy Class", minutes: 30 },
];
const HOUR = 3_600_000;

/** Inserts clients, staff and bookings in one transaction; returns the staff ids. */
export function fillBookings(db: Sqlite, fill: BookingFill): { staffIds: number[] } {
  const rng = createRng(fill.seed ?? 3);
  const now = fill.now.getTime();
  const insertClient = db.prepare(
    `INSERT INTO Client (stripeId, email, name, raw, contentHash, stripeCreated, sourceAt, appliedAt)
     VALUES (?, ?, ?, '{}', ?, ?, ?, ?)`,
  );
  const insertStaff = db.prepare(
    "INSERT INTO Staff (name, email, color, active, createdAt) VALUES (?, ?, '#2563eb', 1, ?)",
  );
  const insertBooking = db.prepare(
    `INSERT INTO Booking (bookingKey, clientStripeId, serviceCode, title, startAt, endAt, staffId, status, statusReason,
       sourceKind, sourceId, sourceLineId, derivedStartAt, derivedEndAt, sequence, createdAt, updatedAt)
     VALUES (@bookingKey, @clientStripeId, @serviceCode, @title, @startAt, @endAt, @staffId, @status, @statusReason,
       'subscription', @sourceId, @sourceLineId, @startAt, @endAt, @sequence, @now, @now)`,
  );
  return db.transaction(() => {
    const clients: { id: string; name: string }[] = [];
    for (let i = 1; i <= fill.clients; i++) {
      const { name } = person(rng, i);
      const id = `cus_${String(i).padStart(8, "0")}`;
      insertClient.run(id, `client${i}@example.com`, name, `h${i}`, now, now, now);
      clients.push({ id, name });
    }
    const staffIds: number[] = [];
    for (let i = 1; i <= fill.staff; i++) {
      staffIds.push(Number(insertStaff.run(`Walker ${i}`, `walker${i}@example.com`, now).lastInsertRowid));
    }
    const span = fill.to.getTime() - fill.from.getTime();
    for (let i = 1; i <= fill.bookings; i++) {
      const client = clients[rng.int(0, clients.length - 1)] ?? { id: "cus_0", name: "Unknown" };
      const service = rng.pick(services);
      // Whole quarter hours, as rules schedule them.
      const startAt = Math.floor((fill.from.getTime() + rng.next() * span) / (HOUR / 4)) * (HOUR / 4);
      const sub = `sub_${String(Math.ceil(i / 24)).padStart(8, "0")}`;
      const line = `si_${String(Math.ceil(i / 24)).padStart(8, "0")}`;
      const cancelled = rng.chance(fill.cancelledShare);
      const day = new Date(startAt).toISOString().slice(0, 16);
      insertBooking.run({
        bookingKey: `subscription:${sub}:${line}:${day}#${i}`,
        clientStripeId: client.id,
        serviceCode: service.code,
        title: `${service.name} — ${client.name}`,
        startAt,
        endAt: startAt + service.minutes * 60_000,
        staffId: staffIds.length > 0 && rng.chance(0.8) ? rng.pick(staffIds) : null,
        status: cancelled ? "cancelled" : "scheduled",
        statusReason: cancelled ? "subscription_canceled" : null,
        sourceId: sub,
        sourceLineId: line,
        sequence: cancelled ? 1 : 0,
        now,
      });
    }
    return { staffIds };
  })();
}
