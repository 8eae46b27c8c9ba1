// The security audit log: one row per sign-in, failed sign-in, sign-out, user or token
// created, disabled or revoked, and feed link shown again. Written best-effort beside the
// action, read by Settings.
import type { Db } from "@/lib/db/prisma";

export type AuditType =
  | "sign-in"
  | "sign-in-failed"
  | "sign-in-limited"
  | "sign-out"
  | "desktop-sign-in"
  | "user-created"
  | "user-disabled"
  | "password-changed"
  | "set-password-link-created"
  | "set-password-link-used"
  | "session-revoked"
  | "token-created"
  | "token-revoked"
  /** A client's access notes shown in plain text (lib/clients/edits.ts); never the notes themselves. */
  | "access-revealed"
  /** A feed's link shown again to the owner (lib/feeds/seal.ts). */
  | "feed-link-shown";

export interface AuditInput {
  type: AuditType;
  actor?: string | null;
  target?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
  at: Date;
}

export interface AuditRow {
  id: number;
  at: Date;
  type: string;
  actor: string | null;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      at: input.at,
      type: input.type,
      actor: input.actor ?? null,
      target: input.target ?? null,
      ip: input.ip ?? null,
      detail: JSON.stringify(input.detail ?? {}),
    },
  });
}

/** Newest first. */
export async function listAudit(
  db: Db,
  options: { limit?: number; type?: AuditType } = {},
): Promise<AuditRow[]> {
  const rows = await db.auditEvent.findMany({
    where: options.type ? { type: options.type } : {},
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: options.limit ?? 100,
  });
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}
