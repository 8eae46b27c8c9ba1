// Browser-safe zod schemas of the client's file, parsed by the owner's forms and by /api/v1
// alike (a route's 422 names the same fields the form shows).
import { z } from "zod";
import { addressInputSchema } from "@/lib/clients/address";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));

export const emergencySchema = z.object({
  name: text(120),
  /** As typed for now; normalised once lib/phone.ts lands. */
  phone: text(40),
  note: text(500),
});
export type EmergencyInput = z.input<typeof emergencySchema>;

/** PATCH of the file: only what is sent changes; `address: null` goes back to Stripe's address. */
export const filePatchSchema = z
  .strictObject({
    address: addressInputSchema.nullable().optional(),
    emergency: emergencySchema.nullable().optional(),
  })
  .refine((patch) => patch.address !== undefined || patch.emergency !== undefined, {
    message: "send address, emergency or both",
  });
export type FilePatch = z.output<typeof filePatchSchema>;

export const petCreateSchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters"),
  breed: text(80),
  careNotes: text(2000),
  vet: text(300),
});
export type PetInput = z.input<typeof petCreateSchema>;

export const petPatchSchema = petCreateSchema
  .partial()
  .extend({ sortOrder: z.number().int().min(0).max(10_000).optional() })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: "send at least one field to change",
  });

/** Largest pet photo accepted (413 beyond). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
