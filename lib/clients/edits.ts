// Changes to the client's file (the owner's), and revealing the access notes (the owner, or a
// walker with a visit for the client within today ± 1; each reveal audited). Writes are one
// Prisma call or one interactive transaction: bad input changes nothing.
import { recordAudit } from "@/lib/auth/audit";
import { actorOf, type Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/prisma";
import { HttpError } from "@/lib/http/problem";
import { overrideJson } from "@/lib/clients/address";
import {
  appAccessKey,
  hasNotes,
  SealError,
  sealAccess,
  unsealAccess,
  type AccessNotes,
} from "@/lib/clients/access";
import { visibilityFor, type DbTx } from "@/lib/clients/file";
import type { FilePatch } from "@/lib/clients/forms";
import { normalisePhone } from "@/lib/phone";
import { businessPhoneCountry } from "@/lib/clients/file";

export type Caller = Pick<Principal, "role" | "staffId"> & { actor: string };

const notFound = (clientStripeId: string) =>
  new HttpError(404, `Client ${clientStripeId} does not exist (or is not yours to see).`);

/** 404 unless the client exists and `caller` may see its file; 403 when they may see but not do `need`. */
export async function assertMay(
  db: DbTx,
  clientStripeId: string,
  caller: Pick<Principal, "role" | "staffId">,
  now: Date,
  need: "edit" | "access" | "file",
): Promise<void> {
  const client = await db.client.findUnique({ where: { stripeId: clientStripeId }, select: { id: true } });
  if (!client) throw notFound(clientStripeId);
  const visible = await visibilityFor(db, clientStripeId, caller, now);
  if (!visible.file) throw notFound(clientStripeId);
  if (need === "edit" && !visible.edit)
    throw new HttpError(403, "Only the owner may change a client's file.");
  if (need === "access" && !visible.access) {
    throw new HttpError(
      403,
      "Access notes are shown to a walker only for a visit with this client from yesterday to tomorrow.",
    );
  }
}

/** Address override and emergency contact: only the parts sent change (the owner's). */
export async function patchFile(db: Db, clientStripeId: string, patch: FilePatch, caller: Caller, now: Date) {
  await assertMay(db, clientStripeId, caller, now, "edit");
  // Stored in E.164 like the clients' own numbers, so it dials and reads the same everywhere.
  const typedPhone = patch.emergency?.phone ?? null;
  const emergencyPhone = typedPhone ? normalisePhone(typedPhone, await businessPhoneCountry(db)) : null;
  if (typedPhone && !emergencyPhone) {
    throw new HttpError(422, "The emergency contact's phone is not a phone number.", [
      { path: "emergency.phone", message: "Enter a phone number, e.g. 07700 900457 or +44 7700 900457." },
    ]);
  }
  const data = {
    ...(patch.address !== undefined
      ? { addressOverride: patch.address === null ? null : overrideJson(patch.address) }
      : {}),
    ...(patch.emergency !== undefined
      ? {
          emergencyName: patch.emergency?.name ?? null,
          emergencyPhone,
          emergencyNote: patch.emergency?.note ?? null,
        }
      : {}),
    updatedBy: caller.actor,
  };
  await db.clientProfile.upsert({
    where: { clientStripeId },
    create: { clientStripeId, ...data },
    update: data,
  });
}

/** Replaces the access notes (all empty: removes them). Sealed before they reach the database. */
export async function setAccess(
  db: Db,
  clientStripeId: string,
  notes: AccessNotes,
  caller: Caller,
  now: Date,
  key: Buffer = appAccessKey(),
): Promise<{ stored: boolean }> {
  await assertMay(db, clientStripeId, caller, now, "edit");
  const accessSealed = hasNotes(notes) ? sealAccess(notes, key, clientStripeId) : null;
  await db.clientProfile.upsert({
    where: { clientStripeId },
    create: { clientStripeId, accessSealed, updatedBy: caller.actor },
    update: { accessSealed, updatedBy: caller.actor },
  });
  return { stored: accessSealed !== null };
}

/**
 * The access notes in plain text for `principal`, with an `access-revealed` audit row (actor,
 * client id; never the notes) written before they are returned: no reveal without its record.
 */
export async function revealAccess(
  db: Db,
  clientStripeId: string,
  principal: Principal,
  now: Date,
  meta: { ip?: string | null } = {},
  key: Buffer = appAccessKey(),
): Promise<AccessNotes> {
  await assertMay(db, clientStripeId, principal, now, "access");
  const profile = await db.clientProfile.findUnique({
    where: { clientStripeId },
    select: { accessSealed: true },
  });
  if (!profile?.accessSealed) throw new HttpError(404, "No access notes are stored for this client.");
  let notes: AccessNotes;
  try {
    notes = unsealAccess(profile.accessSealed, key, clientStripeId);
  } catch (error) {
    if (error instanceof SealError) {
      throw new HttpError(
        409,
        "The access notes cannot be opened: the app's secret changed since they were saved. Enter them again.",
      );
    }
    throw error;
  }
  await recordAudit(db, {
    type: "access-revealed",
    actor: actorOf(principal),
    target: clientStripeId,
    ip: meta.ip ?? null,
    detail: principal.staffId !== null ? { staffId: principal.staffId } : {},
    at: now,
  });
  return notes;
}
