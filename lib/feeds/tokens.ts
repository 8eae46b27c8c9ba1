// Subscribable feed tokens. The token is the only credential a calendar app can send (it
// sits in the URL), so feeds are found by its SHA-256 only; the first characters identify it in
// lists. A sealed copy (lib/feeds/seal.ts) lets the owner show the link again.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { TEXT_LIMITS } from "@/lib/text-limits";
import { assertFilterTargetsExist, type BookingFilter } from "@/lib/calendar/query";
import type { Sqlite } from "@/lib/db/sqlite";
import { sealFeedToken } from "@/lib/feeds/seal";

export const feedScopes = ["business", "staff", "client"] as const;
export type FeedScopeName = (typeof feedScopes)[number];

/** 32 random bytes in base64url, no padding. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const PREFIX_LENGTH = 6;

const label = z.string().trim().min(1).max(TEXT_LIMITS.feedLabel).optional();

export const feedScopeSchema = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("business"), label }),
  z.object({ scope: z.literal("staff"), staffId: z.number().int().positive(), label }),
  z.object({
    scope: z.literal("client"),
    clientStripeId: z.string().trim().min(1).max(TEXT_LIMITS.stripeId),
    label,
  }),
]);
export type FeedScopeInput = z.input<typeof feedScopeSchema>;

const epochMs = z.coerce.number().int();
const feedRowSchema = z
  .object({
    id: z.number().int(),
    prefix: z.string(),
    scope: z.enum(feedScopes),
    staffId: z.number().int().nullable(),
    clientStripeId: z.string().nullable(),
    label: z.string().nullable(),
    createdAt: epochMs,
    revokedAt: epochMs.nullable(),
    lastFetchedAt: epochMs.nullable(),
    lastUserAgent: z.string().nullable(),
    targetName: z.string().nullable(),
    sealed: z.number().int(),
  })
  .transform((row) => ({
    ...row,
    /** A sealed copy of the token is kept: the owner can show the link again. */
    sealed: row.sealed === 1,
    createdAt: new Date(row.createdAt),
    revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt),
    lastFetchedAt: row.lastFetchedAt === null ? null : new Date(row.lastFetchedAt),
  }));
/** A feed as stored (never its token), with the staff member's or client's name when it has one. */
export type CalendarFeed = z.output<typeof feedRowSchema>;

export interface CreatedFeed {
  /** Returned now; later only the owner can show it again, from the sealed copy. */
  token: string;
  feed: CalendarFeed;
}

/** Thrown when a token, prefix or id names no feed, or a prefix names several. */
export class FeedNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FeedNotFoundError";
  }
}

export const selectFeeds = `SELECT f.id, f.prefix, f.scope, f.staffId, f.clientStripeId, f.label, f.createdAt, f.revokedAt,
       f.lastFetchedAt, f.lastUserAgent, (f.tokenSealed IS NOT NULL) AS sealed,
       CASE f.scope WHEN 'staff' THEN s.name WHEN 'client' THEN coalesce(c.name, c.email) END AS targetName
  FROM CalendarFeed f
  LEFT JOIN Staff s ON s.id = f.staffId
  LEFT JOIN Client c ON c.stripeId = f.clientStripeId`;

/** Parses a row of `selectFeeds`. */
export function parseFeed(row: unknown): CalendarFeed {
  return feedRowSchema.parse(row);
}

/** Hex SHA-256 of a token: the only form in which a token is stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The subscription URL of a token. */
export function feedUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/calendar/${token}.ics`;
}

/** The bookings filter a feed shows. */
export function feedFilter(feed: Pick<CalendarFeed, "scope" | "staffId" | "clientStripeId">): BookingFilter {
  if (feed.scope === "staff" && feed.staffId !== null) return { staffId: feed.staffId };
  if (feed.scope === "client" && feed.clientStripeId !== null) return { clientStripeId: feed.clientStripeId };
  return {};
}

/** Parses `business`, `staff:<id>` or `client:<stripeId>` (the CLI's --scope). */
export function parseScope(text: string): z.infer<typeof feedScopeSchema> {
  const [kind, ...rest] = text.split(":");
  const value = rest.join(":");
  if (kind === "business" && rest.length === 0) return { scope: "business" };
  if (kind === "staff" && /^\d+$/.test(value))
    return feedScopeSchema.parse({ scope: "staff", staffId: Number(value) });
  if (kind === "client" && value) return feedScopeSchema.parse({ scope: "client", clientStripeId: value });
  throw new RangeError(`Scope "${text}" must be business, staff:<id> or client:<stripeId>.`);
}

/**
 * Creates a feed for an existing staff member / client (UnknownTargetError otherwise). With a
 * seal key the token is also kept sealed, so the owner can show the link again.
 */
export function createFeed(
  db: Sqlite,
  input: FeedScopeInput,
  now: Date,
  /** The signed-in account making it: disabling that account revokes the feed. */
  createdByUserId: string | null = null,
  sealKey: Buffer | null = null,
): CreatedFeed {
  const scope = feedScopeSchema.parse(input);
  assertFilterTargetsExist(
    db,
    scope.scope === "staff"
      ? { staffId: scope.staffId }
      : scope.scope === "client"
        ? { clientStripeId: scope.clientStripeId }
        : {},
  );
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashToken(token);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO CalendarFeed (tokenHash, prefix, scope, staffId, clientStripeId, label, createdAt, revokedAt,
         createdByUserId, tokenSealed)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    )
    .run(
      tokenHash,
      token.slice(0, PREFIX_LENGTH),
      scope.scope,
      scope.scope === "staff" ? scope.staffId : null,
      scope.scope === "client" ? scope.clientStripeId : null,
      scope.label ?? null,
      now.getTime(),
      createdByUserId,
      sealKey ? sealFeedToken(token, sealKey, tokenHash) : null,
    );
  return { token, feed: parseFeed(db.prepare(`${selectFeeds} WHERE f.id = ?`).get(lastInsertRowid)) };
}

/** The unrevoked feed whose token this is, or null (malformed tokens never reach the database). */
export function findActiveFeed(db: Sqlite, token: string): CalendarFeed | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = db
    .prepare(`${selectFeeds} WHERE f.tokenHash = ? AND f.revokedAt IS NULL`)
    .get(hashToken(token));
  return row ? parseFeed(row) : null;
}

/** Every feed, newest first, revoked ones included. */
export function listFeeds(db: Sqlite): CalendarFeed[] {
  return db.prepare(`${selectFeeds} ORDER BY f.createdAt DESC, f.id DESC`).all().map(parseFeed);
}

// A full token is matched by hash, a number by id, anything else as a prefix; a prefix
// must be unambiguous, because revoking the wrong feed breaks someone's calendar.
function resolveFeed(db: Sqlite, ref: string): CalendarFeed {
  const text = ref.trim();
  if (TOKEN_PATTERN.test(text)) {
    const row = db.prepare(`${selectFeeds} WHERE f.tokenHash = ?`).get(hashToken(text));
    if (row) return parseFeed(row);
  }
  if (/^\d+$/.test(text)) {
    const row = db.prepare(`${selectFeeds} WHERE f.id = ?`).get(Number(text));
    if (row) return parseFeed(row);
  }
  if (text.length >= 4 && text.length <= PREFIX_LENGTH) {
    // substr, not LIKE: LIKE ignores case and tokens are case-sensitive.
    const rows = db.prepare(`${selectFeeds} WHERE substr(f.prefix, 1, ?) = ?`).all(text.length, text);
    const active = rows.map(parseFeed).filter((feed) => feed.revokedAt === null);
    const candidates = active.length > 0 ? active : rows.map(parseFeed);
    if (candidates.length > 1) {
      throw new FeedNotFoundError(`"${text}" matches ${candidates.length} feeds; use the feed id instead.`);
    }
    if (candidates[0]) return candidates[0];
  }
  throw new FeedNotFoundError(`No feed matches "${text}" (give the token, its prefix or the feed id).`);
}

/**
 * Revokes a feed by token, prefix or id; revoking a revoked feed keeps its original revokedAt.
 * The sealed copy goes too: a revoked link is never shown again.
 */
export function revokeFeed(db: Sqlite, tokenOrPrefixOrId: string, now: Date): CalendarFeed {
  const feed = resolveFeed(db, tokenOrPrefixOrId);
  db.prepare(
    "UPDATE CalendarFeed SET revokedAt = ?, tokenSealed = NULL WHERE id = ? AND revokedAt IS NULL",
  ).run(now.getTime(), feed.id);
  return parseFeed(db.prepare(`${selectFeeds} WHERE f.id = ?`).get(feed.id));
}
