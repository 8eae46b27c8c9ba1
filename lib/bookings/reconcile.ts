// Makes stored bookings match what the rules want for a set of sources. Bookings are derived
// state: running this twice, or replaying the same Stripe state, writes nothing the second time.
import { cachedStatement, toDb, type Sqlite } from "@/lib/db/sqlite";
import { loadSettings, type Settings } from "@/lib/settings";
import { log } from "@/lib/log";
import { loadActiveRules } from "@/lib/rules/repo";
import type { Rule } from "@/lib/rules/schema";
import type { ReconcileSummary, SourceRef } from "@/lib/bookings/types";
import { deriveBookings, sourceLifecycle } from "@/lib/bookings/derive";
import { listAllSourceRefs, loadSourceSnapshots, refKey } from "@/lib/bookings/load-source";
import { loadStoredBookings } from "@/lib/bookings/stored";
import { planChanges, type BookingFields, type Plan } from "@/lib/bookings/plan";
import { adjustWishes, loadAdjustments } from "@/lib/bookings/adjustments";
import { bookingChangeLogger } from "@/lib/bookings/change-log";
import { historyWriter, SYSTEM_ORIGIN, type ChangeOrigin, type FieldChanges } from "@/lib/bookings/history";

/** Sources per transaction in a full rebuild: big enough to amortise, small enough not to block writers long. */
export const REBUILD_BATCH = 1000;

export interface SourcePlan {
  ref: SourceRef;
  plan: Plan;
}

function uniqueRefs(refs: SourceRef[]): SourceRef[] {
  return [...new Map(refs.map((ref) => [refKey(ref), ref])).values()];
}

/** Derives and diffs the given sources against stored bookings; reads only. */
export function planSources(
  db: Sqlite,
  refs: SourceRef[],
  rules: Rule[],
  settings: Settings,
  now: Date,
): SourcePlan[] {
  const unique = uniqueRefs(refs);
  const stored = loadStoredBookings(db, unique);
  // No rules: nothing is desired, and a source's snapshot only names why its stored bookings
  // are cancelled. A first sync usually runs before any rule is written; reading every source
  // it brought in was 9% of its profile (docs/BENCHMARKS.md, "Issue 14, the last two goals").
  const snapshots = loadSourceSnapshots(
    db,
    rules.length === 0 ? unique.filter((ref) => stored.has(refKey(ref))) : unique,
  );
  const staff = new Set(
    (cachedStatement(db, "SELECT id FROM Staff").all() as { id: number }[]).map((row) => row.id),
  );
  const adjustments = loadAdjustments(db);
  return unique.map((ref) => {
    const source = snapshots.get(refKey(ref));
    const desired = source ? deriveBookings({ source, rules, settings, now }) : [];
    adjustWishes(desired, adjustments, settings.timeZone);
    for (const wish of desired) {
      if (wish.staffId !== null && !staff.has(wish.staffId)) {
        log.warn(
          { ruleId: wish.ruleId, staffId: wish.staffId },
          "rule names a staff member that does not exist",
        );
        wish.staffId = null;
      }
    }
    const reason = source ? sourceLifecycle(source, settings).cancelReason : `${ref.kind}_missing`;
    return { ref, plan: planChanges(desired, stored.get(refKey(ref)) ?? [], now, reason) };
  });
}

function statements(db: Sqlite) {
  return {
    insert: cachedStatement(
      db,
      `INSERT INTO Booking (bookingKey, clientStripeId, serviceCode, title, startAt, endAt, staffId, status, statusReason,
         sourceKind, sourceId, sourceLineId, ruleId, derivedStartAt, derivedEndAt, derivedStaffId, sequence, createdAt, updatedAt)
       VALUES (@bookingKey, @clientStripeId, @serviceCode, @title, @startAt, @endAt, @staffId, @status, @statusReason,
         @sourceKind, @sourceId, @sourceLineId, @ruleId, @derivedStartAt, @derivedEndAt, @derivedStaffId, 0, @now, @now)`,
    ),
    update: cachedStatement(
      db,
      `UPDATE Booking SET clientStripeId=@clientStripeId, serviceCode=@serviceCode, title=@title, startAt=@startAt,
         endAt=@endAt, staffId=@staffId, status=@status, statusReason=@statusReason, sourceLineId=@sourceLineId,
         ruleId=@ruleId, derivedStartAt=@derivedStartAt, derivedEndAt=@derivedEndAt, derivedStaffId=@derivedStaffId,
         sequence = sequence + 1, updatedAt=@now WHERE id=@id`,
    ),
    cancel: cachedStatement(
      db,
      "UPDATE Booking SET status='cancelled', statusReason=@reason, sequence = sequence + 1, updatedAt=@now WHERE id=@id",
    ),
  };
}

function params(fields: BookingFields, now: Date) {
  return {
    ...fields,
    startAt: toDb(fields.startAt),
    endAt: toDb(fields.endAt),
    derivedStartAt: toDb(fields.derivedStartAt),
    derivedEndAt: toDb(fields.derivedEndAt),
    now: toDb(now),
  };
}

function emptySummary(): ReconcileSummary {
  return { sources: 0, inserted: 0, updated: 0, cancelled: 0, unchanged: 0 };
}

function addSummary(total: ReconcileSummary, part: ReconcileSummary): ReconcileSummary {
  return {
    sources: total.sources + part.sources,
    inserted: total.inserted + part.inserted,
    updated: total.updated + part.updated,
    cancelled: total.cancelled + part.cancelled,
    unchanged: total.unchanged + part.unchanged,
  };
}

function changesOf(update: Plan["updates"][number]): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of update.changed) {
    const show = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));
    changes[field] = [show(update.before[field as keyof typeof update.before]), show(update.after[field])];
  }
  return changes;
}

/** Writes the plans and their history rows; call inside a transaction. */
export function applyPlans(
  db: Sqlite,
  plans: SourcePlan[],
  now: Date,
  origin: ChangeOrigin = SYSTEM_ORIGIN,
): ReconcileSummary {
  const sql = statements(db);
  const history = historyWriter(db);
  const logChange = bookingChangeLogger(db);
  const kind = origin.actor === "stripe" || origin.actor === "system" ? "derived" : "edited";
  const summary = emptySummary();
  for (const { plan } of plans) {
    summary.sources += 1;
    for (const fields of plan.inserts) {
      const id = Number(sql.insert.run(params(fields, now)).lastInsertRowid);
      history(id, { kind: "created", origin, at: now, reason: fields.statusReason });
      logChange(id, now);
    }
    for (const update of plan.updates) {
      sql.update.run({ ...params(update.after, now), id: update.before.id });
      history(update.before.id, { kind, origin, at: now, changes: changesOf(update) });
      logChange(update.before.id, now);
    }
    for (const { before, reason } of plan.cancels) {
      sql.cancel.run({ id: before.id, reason, now: toDb(now) });
      logChange(before.id, now);
      history(before.id, {
        kind,
        origin,
        at: now,
        reason,
        changes: { status: [before.status, "cancelled"], statusReason: [before.statusReason, reason] },
      });
    }
    summary.inserted += plan.inserts.length;
    summary.updated += plan.updates.length;
    summary.cancelled += plan.cancels.length;
    summary.unchanged += plan.unchanged;
  }
  return summary;
}

/** Brings the bookings of `refs` in line with their mirrors, rules and settings, in one transaction; idempotent. */
export function reconcileSources(
  db: Sqlite,
  refs: SourceRef[],
  options: { now: Date; origin?: ChangeOrigin },
): ReconcileSummary {
  const { now } = options;
  return db
    .transaction(() => {
      const settings = loadSettings(db);
      const rules = loadActiveRules(db);
      return applyPlans(db, planSources(db, refs, rules, settings, now), now, options.origin);
    })
    .immediate();
}

/** Re-derives every source (all subscriptions, one-off invoices, and sources with bookings), batch by batch. */
export function rebuildAllBookings(
  db: Sqlite,
  now: Date,
  origin: ChangeOrigin = SYSTEM_ORIGIN,
): ReconcileSummary {
  const start = performance.now();
  let summary = emptySummary();
  for (const part of rebuildBatches(db, now, origin, REBUILD_BATCH)) summary = addSummary(summary, part);
  log.info({ ...summary, ms: Math.round(performance.now() - start) }, "bookings rebuilt");
  return summary;
}

/**
 * Sources per transaction when a running server re-derives everything (the horizon job): about
 * 10 ms of work, so requests and webhook batches are never held up longer than a worker batch.
 * One transaction of REBUILD_BATCH sources took ~200 ms, each one a stall of the whole server.
 */
export const SLICED_REBUILD_BATCH = 50;

/** `rebuildAllBookings` in small transactions, awaiting `between()` after each (the server yields to requests). */
export async function rebuildAllBookingsInSlices(
  db: Sqlite,
  now: Date,
  options: { between: () => Promise<void>; batch?: number; origin?: ChangeOrigin },
): Promise<ReconcileSummary> {
  let summary = emptySummary();
  const batches = rebuildBatches(
    db,
    now,
    options.origin ?? SYSTEM_ORIGIN,
    options.batch ?? SLICED_REBUILD_BATCH,
  );
  for (const part of batches) {
    summary = addSummary(summary, part);
    await options.between();
  }
  return summary;
}

/**
 * One transaction per batch of sources. Rules and settings are read in each transaction: a
 * slow, sliced rebuild must not write what an older rule wanted after a rule change re-derived
 * the same source (they are cached while unchanged, so reading them is cheap).
 */
function* rebuildBatches(
  db: Sqlite,
  now: Date,
  origin: ChangeOrigin,
  size: number,
): Generator<ReconcileSummary> {
  const refs = listAllSourceRefs(db);
  for (let i = 0; i < refs.length; i += size) {
    const batch = refs.slice(i, i + size);
    yield db
      .transaction(() =>
        applyPlans(db, planSources(db, batch, loadActiveRules(db), loadSettings(db), now), now, origin),
      )
      .immediate();
  }
}
