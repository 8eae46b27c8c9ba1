// Small read models of /api/v1: who is calling, staff, services (what the active rules offer)
// and the schedule of a day or week grouped by walker.
import { DateTime } from "luxon";
import type { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import type { Sqlite } from "@/lib/db/sqlite";
import type { Principal } from "@/lib/auth/principal";
import { listRules } from "@/lib/rules/repo";
import { loadSettings } from "@/lib/settings";
import { apiBookingsBetween } from "@/lib/api/v1/bookings";
import type { CallerScope } from "@/lib/api/v1/scope";
import type { meSchema, scheduleSchema, serviceSchema, staffSchema } from "@/lib/api/v1/schemas";

type Staff = z.infer<typeof staffSchema>;
const staffSelect = { id: true, name: true, email: true, color: true, active: true } as const;

export async function listApiStaff(db: Db): Promise<Staff[]> {
  return db.staff.findMany({ select: staffSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

export async function me(
  db: Db,
  principal: Principal,
  scope: CallerScope,
): Promise<z.infer<typeof meSchema>> {
  const staffId = principal.staffId;
  const staff =
    staffId === null ? null : await db.staff.findUnique({ where: { id: staffId }, select: staffSelect });
  return {
    kind: principal.kind,
    name: principal.name,
    email: principal.kind === "user" ? principal.email : null,
    role: scope.role,
    scope: scope.canWrite ? "write" : "read",
    staff,
  };
}

export function listServices(db: Sqlite): z.infer<typeof serviceSchema>[] {
  return listRules(db).flatMap((listing) =>
    listing.active && listing.rule
      ? [
          {
            ruleId: listing.id,
            name: listing.name,
            serviceCode: listing.serviceCode,
            durationMin: listing.rule.allocation.durationMin ?? null,
            schedule: listing.rule.allocation.schedule.kind,
          },
        ]
      : [],
  );
}

/** `days` local days from `date` (business time zone), one column per walker plus unassigned. */
export async function schedule(
  db: Db,
  sql: Sqlite,
  input: { date?: string; days: number; staffScope: number | null; now: Date },
): Promise<z.infer<typeof scheduleSchema>> {
  const zone = loadSettings(sql).timeZone;
  const start = (
    input.date ? DateTime.fromISO(input.date, { zone }) : DateTime.fromJSDate(input.now, { zone })
  ).startOf("day");
  const from = start.toJSDate();
  const to = start.plus({ days: input.days }).toJSDate();
  const bookings = apiBookingsBetween(sql, { from, to, staffScope: input.staffScope, limit: 5000 });
  const staff = (await listApiStaff(db)).filter((member) =>
    input.staffScope === null ? member.active : member.id === input.staffScope,
  );
  const columns: { staff: Staff | null; bookings: typeof bookings }[] = staff.map((member) => ({
    staff: member,
    bookings: bookings.filter((b) => b.staffId === member.id),
  }));
  if (input.staffScope === null) {
    const known = new Set(staff.map((s) => s.id));
    columns.push({
      staff: null,
      bookings: bookings.filter((b) => b.staffId === null || !known.has(b.staffId)),
    });
  }
  return { from: from.toISOString(), to: to.toISOString(), timeZone: zone, columns };
}
