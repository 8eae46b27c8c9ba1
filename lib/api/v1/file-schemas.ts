// The client's file in /api/v1 (lib/clients/*): the zod schemas its routes parse with and answer
// in, and their part of the OpenAPI document (openapi.ts spreads `clientFilePaths` in).
import { z } from "zod";
import type {
  ZodOpenApiOperationObject,
  ZodOpenApiPathsObject,
  ZodOpenApiResponseObject,
  ZodOpenApiResponsesObject,
} from "zod-openapi";
import { accessNotesSchema } from "@/lib/clients/access-schema";
import { filePatchSchema, MAX_PHOTO_BYTES, petCreateSchema, petPatchSchema } from "@/lib/clients/forms";

export const fileParams = z.strictObject({ id: z.string().min(1).max(100) });
export const petParams = z.strictObject({
  id: z.string().min(1).max(100),
  petId: z.coerce.number().int().positive(),
});
export const photoQuery = z.strictObject({
  v: z
    .string()
    .max(40)
    .optional()
    .meta({ description: "Version of the photo (ignored; keeps caches apart)." }),
});

const nullableText = z.string().nullable();
export const addressSchema = z
  .object({
    line1: nullableText,
    line2: nullableText,
    city: nullableText,
    postalCode: nullableText,
    state: nullableText,
    country: nullableText.meta({ description: "ISO 3166-1 alpha-2." }),
  })
  .meta({ id: "PostalAddress" });

export const petSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    breed: nullableText,
    careNotes: nullableText.meta({ description: "Feeding, medication, behaviour." }),
    vet: nullableText,
    photoUrl: nullableText.meta({ description: "Same-origin URL of the photo; signed-in callers only." }),
  })
  .meta({ id: "Pet" });

export const clientFileSchema = z
  .object({
    clientStripeId: z.string(),
    name: nullableText,
    phone: nullableText,
    email: nullableText,
    address: addressSchema.nullable(),
    addressSource: z
      .enum(["local", "stripe"])
      .nullable()
      .meta({ description: "`local`: the business's own address, which a sync never changes." }),
    mapUrl: nullableText.meta({ description: "Opens the phone's maps app (Google Maps search URL)." }),
    geoUri: nullableText.meta({ description: "The same place as an RFC 5870 `geo:` URI." }),
    pets: z.array(petSchema),
    emergency: z.object({ name: nullableText, phone: nullableText, note: nullableText }).nullable(),
    access: z
      .object({
        stored: z.boolean().meta({ description: "Access notes are stored for this client." }),
        revealable: z
          .boolean()
          .meta({ description: "The caller may reveal them now (POST …/access/reveal)." }),
      })
      .meta({ description: "Never the notes themselves: those only come from a reveal." }),
    canEdit: z.boolean().meta({ description: "The caller may change the file (the owner)." }),
  })
  .meta({ id: "ClientFile" });

export const accessNotesOut = z
  .object({
    keyLocation: nullableText,
    lockboxCode: nullableText,
    alarmCode: nullableText,
    parking: nullableText,
    other: nullableText,
  })
  .meta({ id: "AccessNotes" });
export const revealSchema = z
  .object({ notes: accessNotesOut, revealedAt: z.iso.datetime({ offset: true }) })
  .meta({ id: "AccessReveal" });
export const accessStateSchema = z.object({ stored: z.boolean() }).meta({ id: "AccessState" });

export const filePatchBody = filePatchSchema.meta({ id: "ClientFilePatch" });
export const petCreateBody = petCreateSchema.meta({ id: "PetCreate" });
export const petPatchBody = petPatchSchema.meta({ id: "PetPatch" });
export const accessBody = accessNotesSchema.meta({ id: "AccessNotesInput" });

const WHO_FILE =
  "**Who sees it:** the owner; a walker while they have a non-cancelled visit with the client from yesterday to 14 days ahead (404 otherwise, as for an unlinked staff account).";
const OWNER_EDITS = "**Who:** the owner (session, or an owner token with `write` scope); walkers read.";

/** The helpers of openapi.ts, so these operations look exactly like the others. */
export interface DocHelpers {
  read: (
    operationId: string,
    summary: string,
    schema: z.ZodType,
    params?: { query?: z.ZodObject; path?: z.ZodObject },
    extra?: ZodOpenApiResponsesObject,
  ) => ZodOpenApiOperationObject;
  write: (
    operationId: string,
    summary: string,
    input: { body?: z.ZodType; bodyRequired?: boolean; path?: z.ZodObject },
    responses: ZodOpenApiResponsesObject,
  ) => ZodOpenApiOperationObject;
  written: (
    description: string,
    schema?: z.ZodType,
    extra?: Record<string, z.ZodType>,
  ) => ZodOpenApiResponseObject;
  problem: (description: string, extra?: Record<string, z.ZodType>) => ZodOpenApiResponseObject;
  notFound: ZodOpenApiResponsesObject;
  etag: Record<string, z.ZodType>;
  limits: Record<string, z.ZodType>;
}

const describe = (operation: ZodOpenApiOperationObject, ...parts: string[]) => ({
  ...operation,
  description: parts.join("\n\n"),
});

export function clientFilePaths(h: DocHelpers): ZodOpenApiPathsObject {
  const forbidden = {
    "403": h.problem("Not the owner (or, for a reveal, no visit with the client near today)."),
  };
  const photoGet = h.read(
    "getPetPhoto",
    "A pet's photo",
    z.string(),
    { path: petParams, query: photoQuery },
    h.notFound,
  );
  photoGet.responses = {
    ...photoGet.responses,
    "200": {
      description: "The image",
      headers: z.object({ ...h.limits, ...h.etag }),
      content: {
        "image/jpeg": { schema: z.string().meta({ format: "binary" }) },
        "image/png": { schema: z.string().meta({ format: "binary" }) },
        "image/webp": { schema: z.string().meta({ format: "binary" }) },
      },
    },
  };
  const photoPut = h.write(
    "putPetPhoto",
    "Upload or replace a pet's photo (JPEG, PNG or WebP, at most 5 MB)",
    { path: petParams },
    {
      "200": h.written("Stored", petSchema),
      ...h.notFound,
      "413": h.problem(`The image is larger than ${MAX_PHOTO_BYTES} bytes.`),
      "415": h.problem("The bytes are not a JPEG, PNG or WebP image (whatever Content-Type says)."),
    },
  );
  photoPut.requestBody = {
    required: true,
    content: {
      "image/jpeg": { schema: z.string().meta({ format: "binary" }) },
      "image/png": { schema: z.string().meta({ format: "binary" }) },
      "image/webp": { schema: z.string().meta({ format: "binary" }) },
      "application/octet-stream": { schema: z.string().meta({ format: "binary" }) },
    },
  };
  return {
    "/api/v1/clients/{id}/file": {
      get: describe(
        h.read(
          "getClientFile",
          "A client's file: address, pets, emergency contact",
          clientFileSchema,
          { path: fileParams },
          h.notFound,
        ),
        "The client's file: address (Stripe's, or the business's own override) with a map link, pets with care notes and photo URLs, the emergency contact, and whether access notes are stored and revealable. Never the access notes themselves.",
        WHO_FILE,
        "**ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while nothing changed.",
      ),
      patch: describe(
        h.write(
          "updateClientFile",
          "Change the address override or the emergency contact",
          { body: filePatchBody, bodyRequired: true, path: fileParams },
          {
            "200": h.written("Updated", clientFileSchema),
            ...h.notFound,
            ...forbidden,
          },
        ),
        "Sets the business's own address (`address`; `null` goes back to Stripe's, which a sync keeps current) and/or the emergency contact (`emergency`; `null` clears it). Parts not sent are unchanged.",
        OWNER_EDITS,
      ),
    },
    "/api/v1/clients/{id}/pets": {
      post: describe(
        h.write(
          "createPet",
          "Add a pet to the client's file",
          { body: petCreateBody, bodyRequired: true, path: fileParams },
          {
            "201": h.written("Created", petSchema),
            ...h.notFound,
            ...forbidden,
          },
        ),
        "Adds a pet (name, breed, care notes, vet) after the client's other pets. Upload its photo with PUT …/pets/{petId}/photo.",
        OWNER_EDITS,
      ),
    },
    "/api/v1/clients/{id}/pets/{petId}": {
      patch: describe(
        h.write(
          "updatePet",
          "Change a pet",
          { body: petPatchBody, bodyRequired: true, path: petParams },
          {
            "200": h.written("Updated", petSchema),
            ...h.notFound,
            ...forbidden,
          },
        ),
        "Changes only the fields sent (`sortOrder` moves the pet in the client's list; lower first).",
        OWNER_EDITS,
      ),
      delete: describe(
        h.write(
          "deletePet",
          "Remove a pet and its photo",
          { path: petParams },
          {
            "204": h.written("Removed"),
            ...h.notFound,
            ...forbidden,
          },
        ),
        "Removes the pet from the client's file; its photo file is deleted from the data folder too.",
        OWNER_EDITS,
      ),
    },
    "/api/v1/clients/{id}/pets/{petId}/photo": {
      get: describe(
        photoGet,
        "The pet's photo as stored (`Cache-Control: private`, `X-Content-Type-Options: nosniff`). Only for signed-in callers who may see the client's file.",
        WHO_FILE,
        "**ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while the photo is unchanged.",
      ),
      put: describe(
        photoPut,
        "The image as the request body (any Content-Type: the type is read from the bytes). JPEG, PNG or WebP only (415 otherwise), at most 5 MB (413). Replacing a photo deletes the old file.",
        OWNER_EDITS,
      ),
      delete: describe(
        h.write(
          "deletePetPhoto",
          "Remove a pet's photo",
          { path: petParams },
          {
            "204": h.written("Removed"),
            ...h.notFound,
            ...forbidden,
          },
        ),
        "Removes the pet's photo; the file is deleted from the data folder.",
        OWNER_EDITS,
      ),
    },
    "/api/v1/clients/{id}/access": {
      put: describe(
        h.write(
          "putAccessNotes",
          "Set the client's access notes (sealed at rest)",
          { body: accessBody, bodyRequired: true, path: fileParams },
          {
            "200": h.written("Stored", accessStateSchema),
            ...h.notFound,
            ...forbidden,
          },
        ),
        "Replaces the access notes (key location, lockbox and alarm codes, parking, other); all empty removes them. They are sealed with AES-256-GCM before they are stored and never appear in views, exports, feeds or logs. The answer says only whether notes are stored.",
        OWNER_EDITS,
      ),
    },
    "/api/v1/clients/{id}/access/reveal": {
      post: describe(
        h.write(
          "revealAccessNotes",
          "Reveal the client's access notes (audited)",
          { path: fileParams },
          {
            "200": h.written("The notes (`Cache-Control: no-store`)", revealSchema),
            ...h.notFound,
            ...forbidden,
            "409": h.problem("The notes cannot be opened: the app's secret changed since they were saved."),
          },
        ),
        "The access notes in plain text, for the owner or a walker with a non-cancelled visit with this client on a local day within today ± 1 (business time zone). Every reveal writes an `access-revealed` audit row (who, which client; never the notes). The answer is never cached or stored: an `Idempotency-Key` is checked but not remembered, and a repeat reveals (and audits) again.",
        "**Who:** the owner; a walker with a visit near today.",
      ),
    },
  };
}
