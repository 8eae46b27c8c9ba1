// A client's pets (the owner's to change; walkers read them through the file): create, change,
// remove, and their photo. A photo is written to its file before the row points at it and the
// old file is removed only after the row no longer does, so a failure never leaves a row naming
// a missing file; a new file left by a failed write is removed at once.
import type { Db } from "@/lib/db/prisma";
import { HttpError } from "@/lib/http/problem";
import { assertMay, type Caller } from "@/lib/clients/edits";
import { petPhotoUrl, type PetView } from "@/lib/clients/file";
import type { PetInput } from "@/lib/clients/forms";
import { readPhoto, removePhoto, storePhoto } from "@/lib/clients/photos";
import type { PhotoType } from "@/lib/clients/forms";

type PetRow = {
  id: number;
  clientStripeId: string;
  name: string;
  breed: string | null;
  careNotes: string | null;
  vet: string | null;
  photoFile: string | null;
};

export const petView = (pet: PetRow): PetView => ({
  id: pet.id,
  name: pet.name,
  breed: pet.breed,
  careNotes: pet.careNotes,
  vet: pet.vet,
  photoUrl: pet.photoFile ? petPhotoUrl(pet.clientStripeId, pet.id, pet.photoFile) : null,
});

type PetFields = { name: string; breed: string | null; careNotes: string | null; vet: string | null };

async function petOf(db: Db, clientStripeId: string, petId: number) {
  const pet = await db.pet.findFirst({ where: { id: petId, clientStripeId } });
  if (!pet) throw new HttpError(404, `Pet ${petId} of client ${clientStripeId} does not exist.`);
  return pet;
}

/** A new pet, last in the client's order. */
export async function createPet(
  db: Db,
  clientStripeId: string,
  input: PetFields,
  caller: Caller,
  now: Date,
): Promise<PetView> {
  await assertMay(db, clientStripeId, caller, now, "edit");
  const pet = await db.$transaction(async (tx) => {
    const last = await tx.pet.aggregate({ where: { clientStripeId }, _max: { sortOrder: true } });
    return tx.pet.create({
      data: { clientStripeId, ...input, sortOrder: (last._max.sortOrder ?? -1) + 1 },
    });
  });
  return petView(pet);
}

/** Changes only the fields sent. */
export async function updatePet(
  db: Db,
  clientStripeId: string,
  petId: number,
  patch: Partial<PetFields> & { sortOrder?: number },
  caller: Caller,
  now: Date,
): Promise<PetView> {
  await assertMay(db, clientStripeId, caller, now, "edit");
  await petOf(db, clientStripeId, petId);
  return petView(await db.pet.update({ where: { id: petId }, data: patch }));
}

/** Removes the pet and its photo file. */
export async function deletePet(
  db: Db,
  dataDir: string,
  clientStripeId: string,
  petId: number,
  caller: Caller,
  now: Date,
): Promise<void> {
  await assertMay(db, clientStripeId, caller, now, "edit");
  const pet = await petOf(db, clientStripeId, petId);
  await db.pet.delete({ where: { id: petId } });
  removePhoto(dataDir, pet.photoFile);
}

/** Sets (or replaces) the pet's photo; the old file is removed once the row names the new one. */
export async function setPetPhoto(
  db: Db,
  dataDir: string,
  clientStripeId: string,
  petId: number,
  photo: { bytes: Uint8Array; type: PhotoType },
  caller: Caller,
  now: Date,
): Promise<PetView> {
  await assertMay(db, clientStripeId, caller, now, "edit");
  const pet = await petOf(db, clientStripeId, petId);
  const file = storePhoto(dataDir, photo.bytes, photo.type);
  let updated: PetRow;
  try {
    updated = await db.pet.update({ where: { id: petId }, data: { photoFile: file, photoType: photo.type } });
  } catch (error) {
    removePhoto(dataDir, file);
    throw error;
  }
  removePhoto(dataDir, pet.photoFile);
  return petView(updated);
}

/** Removes the pet's photo (row first, then the file). */
export async function deletePetPhoto(
  db: Db,
  dataDir: string,
  clientStripeId: string,
  petId: number,
  caller: Caller,
  now: Date,
): Promise<void> {
  await assertMay(db, clientStripeId, caller, now, "edit");
  const pet = await petOf(db, clientStripeId, petId);
  if (!pet.photoFile) throw new HttpError(404, `Pet ${petId} has no photo.`);
  await db.pet.update({ where: { id: petId }, data: { photoFile: null, photoType: null } });
  removePhoto(dataDir, pet.photoFile);
}

/** The photo's bytes and type for a caller who may see the client's file; 404 otherwise. */
export async function petPhoto(
  db: Db,
  dataDir: string,
  clientStripeId: string,
  petId: number,
  caller: Pick<Caller, "role" | "staffId">,
  now: Date,
): Promise<{ bytes: Buffer; type: string; file: string }> {
  await assertMay(db, clientStripeId, caller, now, "file");
  const pet = await petOf(db, clientStripeId, petId);
  const bytes = pet.photoFile ? readPhoto(dataDir, pet.photoFile) : null;
  if (!pet.photoFile || !bytes || !pet.photoType) throw new HttpError(404, `Pet ${petId} has no photo.`);
  return { bytes, type: pet.photoType, file: pet.photoFile };
}

export type { PetInput };
