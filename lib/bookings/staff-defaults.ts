// Default walkers per subscription, client or rule. Derivation gives them to every future
// occurrence nobody assigned by hand (lib/bookings/adjustments.ts); a hand assignment
// (overrideStaffId) always wins. Setting one re-derives the affected sources at once.
import { z } from "zod";
import { toDb, type Sqlite } from "@/lib/db/sqlite";
import { reconcileSources } from "@/lib/bookings/reconcile";
import { staffDefaultScopes } from "@/lib/bookings/adjustments";
import { BookingEditError } from "@/lib/bookings/edits";
import type { ReconcileSummary, SourceRef } from "@/lib/bookings/types";

export const staffDefaultSchema = z.strictObject({
  scope: z.enum(staffDefaultScopes),
  /** Subscription or client Stripe id, or the rule id. */
  key: z.string().min(1),
  /** null removes the default. */
  staffId: z.number().int().positive().nullable(),
});
export type StaffDefaultInput = z.input<typeof staffDefaultSchema>;

export interface StaffDefault {
  scope: (typeof staffDefaultScopes)[number];
  key: string;
  staffId: number;
  actor: string;
  updatedAt: Date;
}

function affectedRefs(db: Sqlite, scope: StaffDefault["scope"], key: string): SourceRef[] {
  if (scope === "subscription") return [{ kind: "subscription", stripeId: key }];
  const sql =
    scope === "client"
      ? `SELECT 'subscription' AS kind, stripeId FROM SubscriptionMap WHERE clientStripeId = @key
         UNION SELECT 'invoice', stripeId FROM InvoiceMap WHERE clientStripeId = @key AND subscriptionStripeId IS NULL`
      : `SELECT DISTINCT sourceKind AS kind, sourceId AS stripeId FROM Booking
         WHERE ruleId = CAST(@key AS INTEGER) AND sourceKind IN ('subscription', 'invoice') AND sourceId IS NOT NULL`;
  return db.prepare(sql).all({ key }) as SourceRef[];
}

/** Sets or removes a default and re-derives what it covers, in one transaction. */
export function setStaffDefault(
  db: Sqlite,
  input: StaffDefaultInput & { actor: string; now: Date },
): ReconcileSummary {
  const { scope, key, staffId } = staffDefaultSchema.parse({
    scope: input.scope,
    key: input.key,
    staffId: input.staffId,
  });
  return db
    .transaction(() => {
      if (staffId !== null && !db.prepare("SELECT 1 FROM Staff WHERE id = ?").get(staffId)) {
        throw new BookingEditError("invalid", `staffId ${staffId} is not a staff member`, "staffId");
      }
      db.prepare("DELETE FROM StaffDefault WHERE scope = ? AND key = ?").run(scope, key);
      if (staffId !== null) {
        db.prepare(
          "INSERT INTO StaffDefault (scope, key, staffId, actor, updatedAt) VALUES (?, ?, ?, ?, ?)",
        ).run(scope, key, staffId, input.actor, toDb(input.now));
      }
      return reconcileSources(db, affectedRefs(db, scope, key), {
        now: input.now,
        origin: { actor: input.actor, cause: "staff-default" },
      });
    })
    .immediate();
}

/** Every default, for the screens. */
export function listStaffDefaults(db: Sqlite): StaffDefault[] {
  const rows = db
    .prepare("SELECT scope, key, staffId, actor, updatedAt FROM StaffDefault ORDER BY scope, key")
    .all() as (Omit<StaffDefault, "updatedAt"> & { updatedAt: number })[];
  return rows.map((row) => ({ ...row, updatedAt: new Date(row.updatedAt) }));
}
