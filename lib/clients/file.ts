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
  return (await clientFiles(db, [clientStripeId], viewer, now)).get(clientStripeId) ?? null;
}

/**
 * The files of several clients in a fixed number of queries (My day shows one per visit): the
 * clients, the settings, the walker's visits that decide visibility, profiles and pets. Clients
 * that do not exist or are not the viewer's to see are left out.
 */
export async function clientFiles(
  db: Db,
  clientStripeIds: string[],
  viewer: Pick<Principal, "role" | "staffId">,
  now: Date,
): Promise<Map<string, ClientFileView>> {
  const ids = [...new Set(clientStripeIds)];
  const files = new Map<string, ClientFileView>();
  if (ids.length === 0) return files;
  const [clients, settings] = await Promise.all([
    db.client.findMany({
      where: { stripeId: { in: ids } },
      select: { stripeId: true, name: true, phone: true, email: true, raw: true },
    }),
    db.setting.findUnique({ where: { id: 1 }, select: { timeZone: true, phoneCountry: true } }),
  ]);
  const zone = settings?.timeZone ?? "Europe/London";
  const phoneCountry = settings ? phoneCountryOf(settings) : null;
  const walker = viewer.role === "staff" && viewer.staffId !== null ? viewer.staffId : null;
  const { from, to } = fileWindowRange(now, zone);
  const [visits, profiles, pets] = await Promise.all([
    walker === null
      ? Promise.resolve([])
      : db.booking.findMany({
          where: {
            clientStripeId: { in: ids },
            staffId: walker,
            status: { not: "cancelled" },
            startAt: { gte: from, lt: to },
          },
          select: { clientStripeId: true, startAt: true, status: true },
        }),
    db.clientProfile.findMany({ where: { clientStripeId: { in: ids } } }),
    db.pet.findMany({
      where: { clientStripeId: { in: ids } },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    }),
  ]);
  for (const client of clients) {
    const id = client.stripeId;
    const visible = fileVisibility(
      viewer,
      visits.filter((visit) => visit.clientStripeId === id),
      now,
      zone,
    );
    if (!visible.file) continue;
    const profile = profiles.find((row) => row.clientStripeId === id);
    const { address, source } = effectiveAddress(client.raw, profile?.addressOverride);
    const emergency =
      profile && (profile.emergencyName || profile.emergencyPhone || profile.emergencyNote)
        ? {
            name: profile.emergencyName,
            phone: profile.emergencyPhone ? formatPhone(profile.emergencyPhone, phoneCountry) : null,
            note: profile.emergencyNote,
          }
        : null;
    const stored = Boolean(profile?.accessSealed);
    files.set(id, {
      clientStripeId: id,
      name: client.name,
      phone: client.phone,
      email: client.email,
      address,
      addressSource: source,
      mapUrl: address ? mapUrl(address) : null,
      geoUri: address ? geoUri(address) : null,
      pets: pets
        .filter((pet) => pet.clientStripeId === id)
        .map((pet) => ({
          id: pet.id,
          name: pet.name,
          breed: pet.breed,
          careNotes: pet.careNotes,
          vet: pet.vet,
          photoUrl: pet.photoFile ? petPhotoUrl(id, pet.id, pet.photoFile) : null,
        })),
      emergency,
      access: { stored, revealable: stored && visible.access },
      canEdit: visible.edit,
    });
  }
  return files;
}

/** The country of numbers typed without a code (Settings → General, else the time zone's). */
export async function businessPhoneCountry(db: Pick<Db, "setting">): Promise<string | null> {
  const settings = await db.setting.findUnique({
    where: { id: 1 },
    select: { phoneCountry: true, timeZone: true },
  });
  return settings ? phoneCountryOf(settings) : null;
}
