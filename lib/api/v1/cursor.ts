// Opaque cursors: base64url JSON holding the position and a hash of the filters, so a cursor is
// only accepted with the query that produced it (a changed filter would skip or repeat items).
import { createHash } from "node:crypto";
import { z } from "zod";
import { ApiError } from "@/lib/api/v1/problems";

const payloadSchema = z.object({ after: z.number().int().nonnegative(), f: z.string() });

export const filterHash = (filters: Record<string, unknown>): string =>
  createHash("sha256")
    .update(JSON.stringify(Object.entries(filters).sort(([a], [b]) => (a < b ? -1 : 1))))
    .digest("base64url")
    .slice(0, 12);

export function encodeCursor(after: number, filters: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ after, f: filterHash(filters) })).toString("base64url");
}

/** The position after which the next page starts (0 without a cursor). */
export function decodeCursor(cursor: string | undefined, filters: Record<string, unknown>): number {
  if (cursor === undefined) return 0;
  let parsed: z.infer<typeof payloadSchema> | null = null;
  try {
    parsed = payloadSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    parsed = null;
  }
  if (!parsed || parsed.f !== filterHash(filters)) {
    throw new ApiError(
      422,
      "invalid-cursor",
      "This cursor is not valid for this query; start again without one.",
      {
        errors: [{ path: "cursor", message: "not a cursor of this query" }],
      },
    );
  }
  return parsed.after;
}
