// Opaque cursors: base64url JSON holding the position and a hash of the filters, so a cursor is
// only accepted with the query that produced it (a changed filter would skip or repeat items).
// A list cursor also holds the last id that existed when the walk began (`until`): a client
// paging while rows are being added must still reach the end, and the rows added meanwhile
// reach it through the changes feed instead.
import { createHash } from "node:crypto";
import { z } from "zod";
import { ApiError } from "@/lib/api/v1/problems";

const payloadSchema = z.object({
  after: z.number().int().nonnegative(),
  until: z.number().int().nonnegative().optional(),
  at: z.number().int().optional(),
  f: z.string(),
});

export interface Position {
  after: number;
  /** The walk's upper bound; undefined on its first page (the caller fixes it then). */
  until?: number;
  /** With a time order: the last item's start (ms), the keyset's first part. */
  at?: number;
}

export const filterHash = (filters: Record<string, unknown>): string =>
  createHash("sha256")
    .update(JSON.stringify(Object.entries(filters).sort(([a], [b]) => (a < b ? -1 : 1))))
    .digest("base64url")
    .slice(0, 12);

export function encodeCursor(position: number | Position, filters: Record<string, unknown>): string {
  const { after, until, at } = typeof position === "number" ? { after: position } : position;
  return Buffer.from(JSON.stringify({ after, until, at, f: filterHash(filters) })).toString("base64url");
}

/** The position after which the next page starts (0 without a cursor). */
export function decodeCursor(cursor: string | undefined, filters: Record<string, unknown>): number {
  return decodePosition(cursor, filters).after;
}

/** A list walk's position: after which id, and up to which id (fixed by its first page). */
export function decodePosition(cursor: string | undefined, filters: Record<string, unknown>): Position {
  if (cursor === undefined) return { after: 0 };
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
  return { after: parsed.after, until: parsed.until, at: parsed.at };
}
