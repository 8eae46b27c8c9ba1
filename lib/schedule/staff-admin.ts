// Staff members for the staff screens: list, one walker with their linked accounts and feeds,
// create, edit, (de)activate. Ordinary CRUD through the Prisma client. Deactivating keeps the
// row (bookings and history keep their walker) and takes the walker out of pickers.
import type { Db } from "@/lib/db/prisma";
import { staffFormSchema } from "@/lib/schedule/forms";
import type { z } from "zod";

export type StaffForm = z.input<typeof staffFormSchema>;

export class DuplicateStaffEmailError extends Error {
  constructor() {
    super("another staff member has this email");
    this.name = "DuplicateStaffEmailError";
  }
}

export async function listStaffMembers(db: Db, now: Date) {
  const rows = await db.staff.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      color: true,
      active: true,
      _count: { select: { bookings: { where: { startAt: { gte: now }, status: { not: "cancelled" } } } } },
    },
  });
  return rows.map(({ _count, ...s }) => ({ ...s, upcoming: _count.bookings }));
}

export async function getStaffMember(db: Db, id: number) {
  return db.staff.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      color: true,
      active: true,
      users: { select: { email: true, role: true } },
      feeds: { where: { revokedAt: null }, select: { id: true, prefix: true, createdAt: true, label: true } },
    },
  });
}

async function uniqueEmail(db: Db, email: string | null | undefined, id?: number) {
  if (!email) return;
  const other = await db.staff.findUnique({ where: { email }, select: { id: true } });
  if (other && other.id !== id) throw new DuplicateStaffEmailError();
}

export async function createStaffMember(db: Db, input: StaffForm) {
  const value = staffFormSchema.parse(input);
  await uniqueEmail(db, value.email);
  return db.staff.create({
    data: { name: value.name, email: value.email ?? null, color: value.color, active: value.active ?? true },
    select: { id: true },
  });
}

export async function updateStaffMember(db: Db, id: number, input: StaffForm) {
  const value = staffFormSchema.parse(input);
  await uniqueEmail(db, value.email, id);
  return db.staff.update({
    where: { id },
    data: {
      name: value.name,
      email: value.email ?? null,
      color: value.color,
      ...(value.active === undefined ? {} : { active: value.active }),
    },
    select: { id: true, active: true },
  });
}
