// The access notes' shape, browser-safe (the owner's form and PUT /api/v1/clients/{id}/access).
import { z } from "zod";

const note = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));

export const accessNotesSchema = z.object({
  keyLocation: note(500),
  lockboxCode: note(100),
  alarmCode: note(100),
  parking: note(500),
  other: note(2000),
});
export type AccessNotes = z.output<typeof accessNotesSchema>;
export type AccessNotesInput = z.input<typeof accessNotesSchema>;

export const ACCESS_LABELS: Record<keyof AccessNotes, string> = {
  keyLocation: "Key location",
  lockboxCode: "Lockbox code",
  alarmCode: "Alarm code",
  parking: "Parking",
  other: "Other access notes",
};
