// Whether a detail page (/bookings/<id>, /clients/<id>, /staff/<id>, /rules/<id>) has anything
// to show its viewer. The [id] layouts ask before anything streams: a page inside a loading.tsx
// boundary starts its answer with 200, so a notFound() there could only ever be a soft 404.
import { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import { seesBooking, walkerScope } from "@/lib/auth/policy";
import type { Principal } from "@/lib/auth/principal";

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const numericId = (raw: string): number | null => {
  const parsed = /^\d+$/.test(raw) ? idSchema.safeParse(raw) : null;
  return parsed?.success ? parsed.data : null;
};

/** A booking that exists and that the viewer may see (a walker: their own visits). */
export async function bookingShown(db: Db, viewer: Principal, rawId: string): Promise<boolean> {
  const id = numericId(rawId);
  if (id === null) return false;
  const booking = await db.booking.findUnique({ where: { id }, select: { staffId: true } });
  return booking !== null && seesBooking(viewer, booking.staffId);
}

/** A client that exists and, for a walker, has a visit of theirs (as lib/schedule/clients.ts). */
export async function clientShown(db: Db, viewer: Principal, rawId: string): Promise<boolean> {
  let stripeId: string;
  try {
    stripeId = decodeURIComponent(rawId);
  } catch {
    return false;
  }
  const client = await db.client.findUnique({ where: { stripeId }, select: { stripeId: true } });
  if (!client) return false;
  const walker = walkerScope(viewer);
  if (walker === null) return true;
  const visit = await db.booking.findFirst({
    where: { clientStripeId: stripeId, staffId: walker },
    select: { id: true },
  });
  return visit !== null;
}

/** A walker that exists and whose page the viewer may open (the owner, or that walker). */
export async function staffShown(db: Db, viewer: Principal, rawId: string): Promise<boolean> {
  const id = numericId(rawId);
  if (id === null) return false;
  const staff = await db.staff.findUnique({ where: { id }, select: { id: true } });
  return staff !== null && seesBooking(viewer, staff.id);
}

/** A rule that exists (rules are the owner's; the layout above checks the role). */
export async function ruleShown(db: Db, rawId: string): Promise<boolean> {
  const id = numericId(rawId);
  if (id === null) return false;
  return (await db.rule.findUnique({ where: { id }, select: { id: true } })) !== null;
}
