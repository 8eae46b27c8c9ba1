// Paired phones (API tokens with a deviceName): listed with who they act for and their last
// use, revoked at once. Staff see and revoke their own; the owner everyone's.
import { recordAudit } from "@/lib/auth/audit";
import type { Role } from "@/lib/auth/users";
import type { Db } from "@/lib/db/prisma";

export interface DeviceSummary {
  id: number;
  deviceName: string;
  userId: string | null;
  userEmail: string | null;
  staffName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export interface DeviceViewer {
  userId: string;
  email: string;
  role: Role;
}

/** Active paired phones the viewer may see (newest first); `userId` narrows to one account. */
export async function listDevices(
  db: Db,
  viewer: DeviceViewer,
  filter: { userId?: string; staffId?: number } = {},
): Promise<DeviceSummary[]> {
  const own = viewer.role !== "owner";
  const rows = await db.apiToken.findMany({
    where: {
      deviceName: { not: null },
      revokedAt: null,
      ...(own ? { userId: viewer.userId } : filter.userId ? { userId: filter.userId } : {}),
      ...(filter.staffId !== undefined ? { staffId: filter.staffId } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      deviceName: true,
      userId: true,
      createdAt: true,
      lastUsedAt: true,
      user: { select: { email: true } },
      staff: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    deviceName: row.deviceName ?? "",
    userId: row.userId,
    userEmail: row.user?.email ?? null,
    staffName: row.staff?.name ?? null,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  }));
}

/** Revokes a paired phone the viewer may see; false when there is none (or it is someone else's). */
export async function revokeDevice(
  db: Db,
  input: { id: number; viewer: DeviceViewer; ip?: string; now: Date },
): Promise<boolean> {
  const own = input.viewer.role !== "owner";
  const revoked = await db.apiToken.updateMany({
    where: {
      id: input.id,
      deviceName: { not: null },
      revokedAt: null,
      ...(own ? { userId: input.viewer.userId } : {}),
    },
    data: { revokedAt: input.now },
  });
  if (revoked.count === 0) return false;
  const row = await db.apiToken.findUnique({ where: { id: input.id }, select: { deviceName: true } });
  await recordAudit(db, {
    type: "token-revoked",
    actor: input.viewer.email,
    target: row?.deviceName ?? String(input.id),
    ip: input.ip,
    detail: { tokenId: input.id, device: true },
    at: input.now,
  });
  return true;
}
