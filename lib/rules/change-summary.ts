// What a re-derivation would do, as the owner screens show it before saving: counts, a few
// examples of each kind (times in the business zone), and a fingerprint of the whole change so
// a save can refuse when the schedule moved on since the preview.
import { createHash } from "node:crypto";
import type { Sqlite } from "@/lib/db/sqlite";
import type { Settings } from "@/lib/settings";
import type { Rule } from "@/lib/rules/schema";
import { listAllSourceRefs } from "@/lib/bookings/load-source";
import type { BookingCancel, BookingFields, BookingUpdate } from "@/lib/bookings/plan";
import { planSources, REBUILD_BATCH } from "@/lib/bookings/reconcile";
import { formatWhen } from "@/lib/schedule/time";

export const SAMPLE_SIZE = 5;

export interface PlannedChanges {
  created: BookingFields[];
  changed: BookingUpdate[];
  cancelled: BookingCancel[];
  unchanged: number;
}

export interface SampleBooking {
  bookingKey: string;
  title: string;
  clientName: string | null;
  /** "Mon 7 Dec, 09:00–10:00" in the business time zone (after the change for changed ones). */
  when: string;
  /** For a changed booking: when it was before, and which fields change. */
  before?: string;
  fields?: string[];
}

export interface ChangeSummary {
  counts: { created: number; changed: number; cancelled: number; unchanged: number };
  samples: { created: SampleBooking[]; changed: SampleBooking[]; cancelled: SampleBooking[] };
  /** Equal fingerprints ⇔ the same bookings created, changed (same fields) and cancelled. */
  fingerprint: string;
}

/** Plans every source against `rules` and `settings`; reads only. */
export function planAll(db: Sqlite, rules: Rule[], settings: Settings, now: Date): PlannedChanges {
  const out: PlannedChanges = { created: [], changed: [], cancelled: [], unchanged: 0 };
  const refs = listAllSourceRefs(db);
  for (let i = 0; i < refs.length; i += REBUILD_BATCH) {
    for (const { plan } of planSources(db, refs.slice(i, i + REBUILD_BATCH), rules, settings, now)) {
      out.created.push(...plan.inserts);
      out.changed.push(...plan.updates);
      out.cancelled.push(...plan.cancels);
      out.unchanged += plan.unchanged;
    }
  }
  return out;
}

/** Hash of the change: which keys are created, changed (and how) and cancelled. */
export function changeFingerprint(changes: PlannedChanges): string {
  const lines = [
    ...changes.created.map((b) => `+${b.bookingKey}@${b.startAt.getTime()}`),
    ...changes.changed.map((u) => `~${u.after.bookingKey}:${[...u.changed].sort().join(",")}`),
    ...changes.cancelled.map((c) => `-${c.before.bookingKey}`),
  ].sort();
  return createHash("sha256").update(lines.join("\n")).digest("base64url").slice(0, 22);
}

function clientNames(db: Sqlite, ids: (string | null)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT stripeId, coalesce(name, email) AS name FROM Client WHERE stripeId IN (${wanted.map(() => "?").join(",")})`,
    )
    .all(...wanted) as { stripeId: string; name: string | null }[];
  return new Map(rows.filter((r) => r.name).map((r) => [r.stripeId, r.name!]));
}

const byStart = <T>(list: T[], start: (item: T) => Date) =>
  [...list].sort((a, b) => start(a).getTime() - start(b).getTime()).slice(0, SAMPLE_SIZE);

/** Counts, the first few bookings of each kind by start time, and the fingerprint. */
export function summarizeChanges(db: Sqlite, changes: PlannedChanges, timeZone: string): ChangeSummary {
  const created = byStart(changes.created, (b) => b.startAt);
  const changed = byStart(changes.changed, (u) => u.after.startAt);
  const cancelled = byStart(changes.cancelled, (c) => c.before.startAt);
  const names = clientNames(db, [
    ...created.map((b) => b.clientStripeId),
    ...changed.map((u) => u.after.clientStripeId),
    ...cancelled.map((c) => c.before.clientStripeId),
  ]);
  const name = (id: string | null) => (id ? (names.get(id) ?? id) : null);
  return {
    counts: {
      created: changes.created.length,
      changed: changes.changed.length,
      cancelled: changes.cancelled.length,
      unchanged: changes.unchanged,
    },
    samples: {
      created: created.map((b) => ({
        bookingKey: b.bookingKey,
        title: b.title,
        clientName: name(b.clientStripeId),
        when: formatWhen(b.startAt, b.endAt, timeZone),
      })),
      changed: changed.map((u) => ({
        bookingKey: u.after.bookingKey,
        title: u.after.title,
        clientName: name(u.after.clientStripeId),
        when: formatWhen(u.after.startAt, u.after.endAt, timeZone),
        before: formatWhen(u.before.startAt, u.before.endAt, timeZone),
        fields: u.changed.map(String),
      })),
      cancelled: cancelled.map((c) => ({
        bookingKey: c.before.bookingKey,
        title: c.before.title,
        clientName: name(c.before.clientStripeId),
        when: formatWhen(c.before.startAt, c.before.endAt, timeZone),
      })),
    },
    fingerprint: changeFingerprint(changes),
  };
}
