// The client's file as a reader sees it (client page, booking page, My day, /api/v1): address with
// a map link, pets, emergency contact, and whether access notes exist and may be revealed. The
// access secrets themselves are never in this view: they come only from a reveal, which is audited.
// Who sees what is lib/clients/visibility.ts; this module loads what it needs and applies it.
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/prisma";
import { formatPhone, phoneCountryOf } from "@/lib/phone";
import type { Prisma } from "@/lib/generated/prisma/client";
import { effectiveAddress, geoUri, mapUrl, type PostalAddress } from "@/lib/clients/address";
import { fileVisibility, fileWindowRange, type FileVisibility } from "@/lib/clients/visibility";

export type { PostalAddress };
/** A Prisma client or the client of an interactive transaction. */
export type DbTx = Db | Prisma.TransactionClient;

export interface PetView {
  id: number;
  name: string;
  breed: string | null;
  careNotes: string | null;
  vet: string | null;
  /** Same-origin URL of the photo (signed-in users only), or null. */
  photoUrl: string | null;
}

export interface ClientFileView {
  clientStripeId: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  address: PostalAddress | null;
  /** "local" when the business's own address overrides Stripe's. */
  addressSource: "local" | "stripe" | null;
  /** Opens the phone's own maps app (nothing is fetched by the server); null without an address. */
  mapUrl: string | null;
  /** The same place as a `geo:` URI (Android maps apps); null without an address. */
  geoUri: string | null;
  pets: PetView[];
  emergency: { name: string | null; phone: string | null; note: string | null } | null;
  access: {
    /** Access notes are stored for this client. */
    stored: boolean;
    /** This viewer may reveal them now (owner; a walker with a visit near today). */
    revealable: boolean;
  };
  /** This viewer may change the file (the owner). */
  canEdit: boolean;
}

/** The business time zone (Setting row; the default until one is saved). */
export async function businessZone(db: DbTx): Promise<string> {
  const row = await db.setting.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  return row?.timeZone ?? "Europe/London";
}

/** What `viewer` may do with the file of `clientStripeId` now (their own visits decide, for a walker). */
export async function visibilityFor(
  db: DbTx,
  clientStripeId: string,
  viewer: Pick<Principal, "role" | "staffId">,
  now: Date,
): Promise<FileVisibility> {
  const zone = await businessZone(db);
  if (viewer.role !== "staff" || viewer.staffId === null) return fileVisibility(viewer, [], now, zone);
  const { from, to } = fileWindowRange(now, zone);
  const visits = await db.booking.findMany({
    where: {
      clientStripeId,
      staffId: viewer.staffId,
      status: { not: "cancelled" },
      startAt: { gte: from, lt: to },
    },
    select: { startAt: true, status: true },
  });
  return fileVisibility(viewer, visits, now, zone);
}

/** URL of a pet's photo; `v` changes with the file, so a browser's cached copy is never stale. */
export const petPhotoUrl = (clientStripeId: string, petId: number, file: string) =>
  `/api/v1/clients/${encodeURIComponent(clientStripeId)}/pets/${petId}/photo?v=${file.slice(0, 12)}`;

/** A client's pets in their order (sortOrder, then oldest first). */
export function petsOf(db: DbTx, clientStripeId: string) {
  return db.pet.findMany({ where: { clientStripeId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
}

/** The client's file for `viewer`, or null when the client does not exist (or is not theirs to see). */
export async function clientFile(
  db: Db,
  clientStripeId: string,
  viewer: Pick<Principal, "role" | "staffId">,
  now: Date,
): Promise<ClientFileView | null> {
  const client = await db.client.findUnique({
    where: { stripeId: clientStripeId },
    select: { stripeId: true, name: true, phone: true, email: true, raw: true },
  });
  if (!client) return null;
  const visible = await visibilityFor(db, clientStripeId, viewer, now);
  if (!visible.file) return null;
  const [profile, pets] = await Promise.all([
    db.clientProfile.findUnique({ where: { clientStripeId } }),
    petsOf(db, clientStripeId),
  ]);
  const { address, source } = effectiveAddress(client.raw, profile?.addressOverride);
  const emergency =
    profile && (profile.emergencyName || profile.emergencyPhone || profile.emergencyNote)
      ? {
          name: profile.emergencyName,
          phone: profile.emergencyPhone
            ? formatPhone(profile.emergencyPhone, await businessPhoneCountry(db))
            : null,
          note: profile.emergencyNote,
        }
      : null;
  const stored = Boolean(profile?.accessSealed);
  return {
    clientStripeId,
    name: client.name,
    phone: client.phone,
    email: client.email,
    address,
    addressSource: source,
    mapUrl: address ? mapUrl(address) : null,
    geoUri: address ? geoUri(address) : null,
    pets: pets.map((pet) => ({
      id: pet.id,
      name: pet.name,
      breed: pet.breed,
      careNotes: pet.careNotes,
      vet: pet.vet,
      photoUrl: pet.photoFile ? petPhotoUrl(clientStripeId, pet.id, pet.photoFile) : null,
    })),
    emergency,
    access: { stored, revealable: stored && visible.access },
    canEdit: visible.edit,
  };
}

/** The country of numbers typed without a code (Settings → General, else the time zone's). */
export async function businessPhoneCountry(db: Pick<Db, "setting">): Promise<string | null> {
  const settings = await db.setting.findUnique({
    where: { id: 1 },
    select: { phoneCountry: true, timeZone: true },
  });
  return settings ? phoneCountryOf(settings) : null;
}
